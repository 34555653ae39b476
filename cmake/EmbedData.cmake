# cmake -DINPUT=file -DOUTPUT=file.cc -DSYMBOL=kName -DNAMESPACE=warta::x::internal -P EmbedData.cmake
#
# Writes a C++ source defining `NAMESPACE::SYMBOL` (a
# std::string_view over the bytes of INPUT), so data files such as the
# abbreviation list ship inside the library and need no path at run time.
# Every byte is written as a \xNN escape: the file may hold any bytes.
if(NOT NAMESPACE)
  set(NAMESPACE warta::internal)
endif()
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f])"
       "\\1\n" hex "${hex}")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" hex "${hex}")
string(REPLACE "\n" "\"\n    \"" hex "${hex}")
get_filename_component(name "${INPUT}" NAME)
file(WRITE "${OUTPUT}"
"// Generated from ${name} by cmake/EmbedData.cmake. Do not edit.
#include <string_view>

namespace ${NAMESPACE} {

namespace {
const char kBytes[] =
    \"${hex}\";
}  // namespace

extern const std::string_view ${SYMBOL};
const std::string_view ${SYMBOL}(kBytes, sizeof(kBytes) - 1);

}  // namespace ${NAMESPACE}
")
