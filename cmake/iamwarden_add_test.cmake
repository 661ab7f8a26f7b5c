# iamwarden_add_test(name SOURCES ... LABELS ...): one GoogleTest binary, tests discovered by CTest.
include(GoogleTest)
function(iamwarden_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LABELS;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE iamwarden_core GTest::gtest GTest::gmock GTest::gtest_main
    iamwarden_warnings ${ARG_LIBS})
  target_compile_definitions(${name} PRIVATE IAMWARDEN_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  gtest_discover_tests(${name} PROPERTIES LABELS "${ARG_LABELS}" DISCOVERY_TIMEOUT 60)
endfunction()
