# Fails when a test case's name holds a ';': doctest_discover_tests splits names there, and each
# half then matches no test case and "passes" without running anything.
# Run as `cmake -DDIR=tests -P check_test_names.cmake`.
file(GLOB_RECURSE sources "${DIR}/*.cpp")
set(bad "")
foreach(source IN LISTS sources)
  file(READ "${source}" content)
  string(REGEX MATCH "TEST_CASE\\([ \n]*(\"[^\"]*\"[ \n]*)*\"[^\"]*;" found "${content}")
  if(found)
    string(APPEND bad "  ${source}\n")
  endif()
endforeach()
if(bad)
  message(FATAL_ERROR "test case names with ';' (CTest would not run them; use ',' instead):\n${bad}")
endif()
