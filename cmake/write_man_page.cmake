# Writes the man page aftersales(1) from the built binary's tree of commands (`aftersales
# __man`), gzipped as Debian installs man pages. Run as
# `cmake -DBINARY=... -DOUTPUT=.../aftersales.1.gz -P write_man_page.cmake`.
get_filename_component(directory ${OUTPUT} DIRECTORY)
set(page ${directory}/aftersales.1)
execute_process(COMMAND ${BINARY} __man OUTPUT_FILE ${page} RESULT_VARIABLE result
                ERROR_VARIABLE messages)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "aftersales __man failed (${result}): ${messages}")
endif()
file(ARCHIVE_CREATE OUTPUT ${OUTPUT} PATHS ${page} FORMAT raw COMPRESSION GZip
     MTIME 0)
