// The shipped truecase model (models/truecase/), linked in with .incbin (see
// CMakeLists.txt) like the NER model, so the cleaner needs no file at run
// time. Without a model at build time the view is empty and
// text::Truecaser::Builtin() is null.
#include <string_view>

#ifdef WARTA_TRUECASE_MODEL_FILE
__asm__(".section .rodata\n"
        ".global warta_truecase_builtin_model_begin\n"
        "warta_truecase_builtin_model_begin:\n"
        ".incbin \"" WARTA_TRUECASE_MODEL_FILE "\"\n"
        ".global warta_truecase_builtin_model_end\n"
        "warta_truecase_builtin_model_end:\n"
        ".previous\n");
extern "C" const char warta_truecase_builtin_model_begin[];
extern "C" const char warta_truecase_builtin_model_end[];
#endif

namespace warta::text::internal {

extern const std::string_view kTruecaseModelData;
#ifdef WARTA_TRUECASE_MODEL_FILE
const std::string_view kTruecaseModelData(
    warta_truecase_builtin_model_begin,
    static_cast<size_t>(warta_truecase_builtin_model_end - warta_truecase_builtin_model_begin));
#else
const std::string_view kTruecaseModelData;
#endif

}  // namespace warta::text::internal
