// Shared by the libFuzzer targets: an invariant that fails aborts the run
// with a message, as a crash would (assert() is compiled out by -DNDEBUG in
// the fuzz tree, so the targets use this instead).
#pragma once

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(cond, what)                                                                            \
  do {                                                                                                    \
    if (!(cond)) {                                                                                        \
      std::fprintf(stderr, "fuzz invariant broken at %s:%d: %s (%s)\n", __FILE__, __LINE__, what, #cond); \
      std::abort();                                                                                       \
    }                                                                                                     \
  } while (0)
