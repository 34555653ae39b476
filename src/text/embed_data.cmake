# cmake -DINPUT=file -DOUTPUT=file.cc -DSYMBOL=kName -P embed_data.cmake
#
# Writes a C++ source defining `warta::text::internal::SYMBOL` (a
# std::string_view over the bytes of INPUT), so data files such as the
# abbreviation list ship inside the library and need no path at run time.
# Every byte is written as a \xNN escape: the file may hold any bytes.
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f])"
       "\\1\n" hex "${hex}")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" hex "${hex}")
string(REPLACE "\n" "\"\n    \"" hex "${hex}")
get_filename_component(name "${INPUT}" NAME)
file(WRITE "${OUTPUT}"
"// Generated from ${name} by src/text/embed_data.cmake. Do not edit.
#include <string_view>

namespace warta::text::internal {

namespace {
const char kBytes[] =
    \"${hex}\";
}  // namespace

extern const std::string_view ${SYMBOL};
const std::string_view ${SYMBOL}(kBytes, sizeof(kBytes) - 1);

}  // namespace warta::text::internal
")
