// The shipped NER model, linked in with .incbin (see CMakeLists.txt) so the
// analyser needs no file at run time. Without a model at build time the
// span is empty and callers must name one.
#include <string_view>

#ifdef WARTA_NER_MODEL_FILE
__asm__(".section .rodata\n"
        ".balign 16\n"
        ".global warta_ner_builtin_model_begin\n"
        "warta_ner_builtin_model_begin:\n"
        ".incbin \"" WARTA_NER_MODEL_FILE "\"\n"
        ".global warta_ner_builtin_model_end\n"
        "warta_ner_builtin_model_end:\n"
        ".previous\n");
extern "C" const char warta_ner_builtin_model_begin[];
extern "C" const char warta_ner_builtin_model_end[];
#endif

namespace warta::entities::internal {

std::string_view BuiltinNerModel() {
#ifdef WARTA_NER_MODEL_FILE
  return std::string_view(warta_ner_builtin_model_begin,
                          static_cast<size_t>(warta_ner_builtin_model_end - warta_ner_builtin_model_begin));
#else
  return {};
#endif
}

}  // namespace warta::entities::internal
