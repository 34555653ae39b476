// Fixture: the lower stage reaching up (forbidden) and into its own
// evaluation part (forbidden).
#include "low/words.h"
#include "high/story.h"
#include "low/score.h"
