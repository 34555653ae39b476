#include "low/score.h"
