# Warning and sanitizer flags, applied per target through INTERFACE targets.
add_library(iamwarden_warnings INTERFACE)
target_compile_options(iamwarden_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
  -Wno-sign-conversion $<$<BOOL:${IAMWARDEN_WERROR}>:-Werror>)

add_library(iamwarden_sanitize INTERFACE)
if(IAMWARDEN_SANITIZE)
  list(JOIN IAMWARDEN_SANITIZE "," _iamwarden_san)
  target_compile_options(iamwarden_sanitize INTERFACE -fsanitize=${_iamwarden_san} -fno-omit-frame-pointer
    -fno-sanitize-recover=all)
  target_link_options(iamwarden_sanitize INTERFACE -fsanitize=${_iamwarden_san})
endif()
# libFuzzer builds instrument the library too, so coverage guides the fuzzer through it.
if(IAMWARDEN_FUZZ_LIBFUZZER)
  target_compile_options(iamwarden_sanitize INTERFACE -fsanitize=fuzzer-no-link)
endif()
