# Fails when any C++ source under lib/, apps/, tests/ or bench/ differs from what
# .clang-format makes of it. Run as `cmake -DCLANG_FORMAT=... -DROOT=... -P check_format.cmake`.
file(GLOB_RECURSE sources
  ${ROOT}/lib/*.cpp ${ROOT}/lib/*.h
  ${ROOT}/apps/*.cpp ${ROOT}/apps/*.h
  ${ROOT}/tests/*.cpp ${ROOT}/tests/*.h
  ${ROOT}/bench/*.cpp ${ROOT}/bench/*.h)
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror ${sources}
                RESULT_VARIABLE result ERROR_VARIABLE messages)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${messages}\nunformatted sources: run scripts/format to fix them")
endif()
