# Shared compile settings and the helpers each stage's CMakeLists.txt uses.

add_library(warta_compile_options INTERFACE)
target_compile_options(warta_compile_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wno-missing-field-initializers)
if(WARTA_WERROR)
  target_compile_options(warta_compile_options INTERFACE -Werror)
endif()
if(WARTA_SANITIZE)
  target_compile_options(warta_compile_options INTERFACE
    -fsanitize=${WARTA_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(warta_compile_options INTERFACE -fsanitize=${WARTA_SANITIZE})
endif()

# One precompiled header for every stage library (warta_library reuses it):
# the standard headers nearly every stage includes. At -O0 (the test run's
# trees) parsing them is a good part of each library file's compile time,
# paid again in every library and every build tree: with it the libraries
# of the test tree took 17 % less CPU (196 s instead of 236 s). Standard
# headers only, and the common ones (a longer list measured no better): a
# library's own and its dependencies' headers stay its choice.
option(WARTA_LIB_PCH "Compile the stage libraries with one precompiled header of standard headers" ON)
if(WARTA_LIB_PCH)
  add_library(warta_lib_pch OBJECT ${PROJECT_SOURCE_DIR}/cmake/lib_pch.cc)
  target_link_libraries(warta_lib_pch PRIVATE warta_compile_options)
  target_precompile_headers(warta_lib_pch PRIVATE
    <algorithm> <array> <chrono> <cstdint> <functional> <map> <memory> <optional> <set> <string>
    <string_view> <unordered_map> <unordered_set> <utility> <vector>)
endif()

# warta_library(NAME SOURCES... DEPS ...) : a stage library warta_NAME whose
# public headers are included as "NAME/header.h" (the include root is src/).
function(warta_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(warta_${name} STATIC ${ARG_SOURCES})
  target_include_directories(warta_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(warta_${name} PUBLIC ${ARG_DEPS} PRIVATE warta_compile_options)
  if(WARTA_LIB_PCH)
    target_precompile_headers(warta_${name} REUSE_FROM warta_lib_pch)
  endif()
endfunction()

# The tests' own code (fixtures and assertions) is compiled without
# optimisation: the code under test is in the stage libraries, built at the
# tree's level, and a test file compiles about three times faster at -O0
# than at -O2 (docs/PERFORMANCE.md, "The test run").
set(WARTA_TEST_COMPILE_OPTIONS -O0)

# warta_test(NAME SOURCES... DEPS ... LABELS ...) : a GoogleTest binary
# registered with CTest. Label "unit" tests run again under the sanitizers;
# label "shared" tests need ../shared and skip visibly without it.
function(warta_test name)
  if(NOT WARTA_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  if(NOT ARG_LABELS)
    set(ARG_LABELS unit)
  endif()
  # The sanitizer pass runs only unit tests: it need not build the others.
  if(WARTA_UNIT_TESTS_ONLY AND NOT "unit" IN_LIST ARG_LABELS)
    return()
  endif()
  # ... and, when given a list, only those (scripts/test keeps the pass short).
  if(WARTA_UNIT_TESTS_ONLY AND WARTA_SANITIZED_TESTS AND NOT name IN_LIST WARTA_SANITIZED_TESTS)
    return()
  endif()
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} warta_test_support GTest::gtest GTest::gtest_main
                        warta_compile_options)
  target_compile_options(${name} PRIVATE ${WARTA_TEST_COMPILE_OPTIONS})
  target_precompile_headers(${name} REUSE_FROM warta_test_pch)
  if(WARTA_CTEST_PER_BINARY)
    # One ctest test per binary (scripts/test): each test of a binary in its
    # own process costs a sanitizer runtime's start-up per test, which over
    # ~550 tests was a quarter of the test run; and no listing run at build
    # time. The slow binaries (end-to-end, shared corpora) start first so
    # the two cores finish together.
    add_test(NAME ${name} COMMAND ${name} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
    set(cost 1)
    if("e2e" IN_LIST ARG_LABELS)
      set(cost 100)
    elseif("shared" IN_LIST ARG_LABELS)
      set(cost 50)
    endif()
    set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}" COST ${cost})
    return()
  endif()
  include(GoogleTest)
  # A list of labels must reach the generated test script as one value.
  string(REPLACE ";" "\\;" labels "${ARG_LABELS}")
  gtest_discover_tests(${name}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    PROPERTIES LABELS "${labels}"
    DISCOVERY_TIMEOUT 60)
endfunction()

# warta_benchmark(NAME SOURCES... DEPS ...) : a benchmark program under bench/.
function(warta_benchmark name)
  if(NOT WARTA_BUILD_BENCH)
    return()
  endif()
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  if(WARTA_BENCH_COMPILE_ONLY)
    # Checked against its dependencies' headers, never linked: the test run
    # keeps the benchmarks compiling without an ASan link per program.
    # -fsyntax-only: parsed and type-checked (every error and -Werror
    # warning still fails the build), no code generated or instrumented
    # (half the time); no object file is written, so ninja checks them
    # again on each build of the target.
    add_library(${name} OBJECT ${ARG_SOURCES})
    target_compile_options(${name} PRIVATE -fsyntax-only)
  else()
    add_executable(${name} ${ARG_SOURCES})
  endif()
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} warta_compile_options)
  if(WARTA_LIB_PCH)
    target_precompile_headers(${name} REUSE_FROM warta_lib_pch)
  endif()
  add_dependencies(warta_benchmarks ${name})
  if(WARTA_BENCH_SEPARATE)
    set_target_properties(${name} PROPERTIES EXCLUDE_FROM_ALL ON)
  endif()
endfunction()

# warta_embed(OUT_VAR INPUT SYMBOL NAMESPACE) : compiles the bytes of a data
# file into the library as `NAMESPACE::SYMBOL` (a std::string_view), so word
# lists and documents ship inside the binary; re-embedded when INPUT changes.
function(warta_embed out_var input symbol namespace)
  get_filename_component(name ${input} NAME_WE)
  set(output ${CMAKE_CURRENT_BINARY_DIR}/${name}_${symbol}.cc)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${input} -DOUTPUT=${output} -DSYMBOL=${symbol} -DNAMESPACE=${namespace}
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedData.cmake
    DEPENDS ${input} ${PROJECT_SOURCE_DIR}/cmake/EmbedData.cmake
    COMMENT "Embedding ${input}"
    VERBATIM)
  # The bytes are one string literal, longer than the 65,536 characters the
  # standard promises; GCC and clang take any length, clang warns.
  set_source_files_properties(${output} PROPERTIES COMPILE_OPTIONS -Wno-overlength-strings)
  set(${out_var} ${output} PARENT_SCOPE)
endfunction()

# warta_embed_files(OUT_VAR DIR dir FILES a b ... NAMESPACE ns FUNCTION name) :
# compiles a set of data files into the library behind one function,
# `ns::name()`, that returns (file name, bytes) for each, so a stage can ship
# its data inside the binary and still let a directory replace a file by
# name (the clean rules, the lexicon). A FILES entry is a name in DIR or an
# absolute path (a file another stage owns); either way it is known by its
# name. The stage declares the function; see cmake/EmbedFiles.cmake.
# Re-embedded when any file changes.
function(warta_embed_files out_var)
  cmake_parse_arguments(ARG "" "DIR;NAMESPACE;FUNCTION" "FILES" ${ARGN})
  set(paths "")
  foreach(f IN LISTS ARG_FILES)
    if(IS_ABSOLUTE "${f}")
      list(APPEND paths ${f})
    else()
      list(APPEND paths ${ARG_DIR}/${f})
    endif()
  endforeach()
  set(output ${CMAKE_CURRENT_BINARY_DIR}/${ARG_FUNCTION}.cc)
  string(JOIN "," file_list ${paths})
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} "-DFILES=${file_list}" -DOUT=${output}
            -DNAMESPACE=${ARG_NAMESPACE} -DFUNCTION=${ARG_FUNCTION}
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake
    DEPENDS ${paths} ${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake
    COMMENT "Embedding ${ARG_DIR}"
    VERBATIM)
  # The bytes are one string literal, longer than the 65,536 characters the
  # standard promises; GCC and clang take any length, clang warns.
  set_source_files_properties(${output} PROPERTIES COMPILE_OPTIONS -Wno-overlength-strings)
  set(${out_var} ${output} PARENT_SCOPE)
endfunction()
