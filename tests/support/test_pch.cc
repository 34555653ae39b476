// The object that carries the tests' shared precompiled header (see
// tests/support/CMakeLists.txt); it defines nothing.
