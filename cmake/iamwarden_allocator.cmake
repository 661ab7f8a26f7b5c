# The programs' allocator: tcmalloc (gperftools, Debian libgoogle-perftools-dev). iamwarden builds
# millions of small objects (parsed and compiled policies) from several threads; with glibc malloc a
# third of a large account's `access --all --admin` went to malloc, free and fresh pages (docs/performance.md).
# Not with sanitizers or libFuzzer, which bring their own allocator.
add_library(iamwarden_allocator INTERFACE)
if(NOT IAMWARDEN_SANITIZE AND NOT IAMWARDEN_FUZZ_LIBFUZZER)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(TCMALLOC REQUIRED IMPORTED_TARGET GLOBAL libtcmalloc_minimal)
  # Nothing calls tcmalloc by name: keep it even where the linker drops unreferenced libraries.
  target_link_libraries(iamwarden_allocator INTERFACE "-Wl,--push-state,--no-as-needed" PkgConfig::TCMALLOC
                        "-Wl,--pop-state")
endif()
