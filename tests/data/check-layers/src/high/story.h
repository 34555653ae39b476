// Fixture: the upper stage uses the lower one (allowed).
#pragma once
#include "low/words.h"
