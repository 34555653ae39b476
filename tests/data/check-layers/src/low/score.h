// Fixture: the lower stage's evaluation part.
#pragma once
#include "low/words.h"
