# Every third-party library Warta links, found once here. docs/DEPENDENCIES.md
# says why each one is used; scripts/install-deps installs the Debian packages.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(ZLIB REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(ICU REQUIRED COMPONENTS uc i18n data)
find_package(simdjson REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(CLI11 REQUIRED)
find_package(fmt REQUIRED)
find_package(TBB REQUIRED)
find_package(date REQUIRED)

# Xapian's CMake file gives variables, not a target: wrap them in one.
find_package(Xapian REQUIRED)
add_library(warta_xapian INTERFACE)
target_include_directories(warta_xapian SYSTEM INTERFACE ${XAPIAN_INCLUDE_DIR})
target_link_libraries(warta_xapian INTERFACE ${XAPIAN_LIBRARIES})

# Snowball's libstemmer ships neither CMake nor pkg-config files.
find_library(WARTA_STEMMER_LIBRARY NAMES stemmer REQUIRED)
find_path(WARTA_STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
add_library(warta_stemmer INTERFACE)
target_include_directories(warta_stemmer SYSTEM INTERFACE ${WARTA_STEMMER_INCLUDE_DIR})
target_link_libraries(warta_stemmer INTERFACE ${WARTA_STEMMER_LIBRARY})

pkg_check_modules(UCHARDET REQUIRED IMPORTED_TARGET uchardet)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)

# Debian compiles cpp-httplib with TLS, zlib and brotli support; code that
# includes its header must see the same switches or the classes it shares
# with the library change layout.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
add_library(warta_httplib INTERFACE)
target_link_libraries(warta_httplib INTERFACE PkgConfig::HTTPLIB)
target_compile_definitions(warta_httplib INTERFACE
  CPPHTTPLIB_OPENSSL_SUPPORT CPPHTTPLIB_ZLIB_SUPPORT CPPHTTPLIB_BROTLI_SUPPORT)

if(WARTA_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(WARTA_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
