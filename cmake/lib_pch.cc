// The object that carries the stage libraries' shared precompiled header
// (cmake/WartaHelpers.cmake, WARTA_LIB_PCH); it defines nothing.
