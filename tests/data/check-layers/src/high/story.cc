#include "high/story.h"
