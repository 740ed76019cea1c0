# Writes OUT: a C++ file holding every migration of FILES (schemas/NNN_name.sql) as text, in
# order. Run as `cmake -DOUT=... -DFILES=a;b -P embed_migrations.cmake`.
set(body "")
foreach(file IN LISTS FILES)
  get_filename_component(name ${file} NAME)
  string(REGEX MATCH "^([0-9]+)_" _ ${name})
  set(version ${CMAKE_MATCH_1})
  if(NOT version)
    message(FATAL_ERROR "${file}: a migration's name starts with its number (001_name.sql)")
  endif()
  math(EXPR version "${version}")
  file(READ ${file} sql)
  string(APPEND body "    {${version}, \"${name}\", R\"aftersales_sql(${sql})aftersales_sql\"},\n")
endforeach()
file(WRITE ${OUT}.tmp "// Generated from schemas/ by cmake/embed_migrations.cmake. Do not edit.
#include \"store/engine/migrations.h\"

namespace aftersales::store {

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all = {
${body}  };
  return all;
}

}  // namespace aftersales::store
")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
