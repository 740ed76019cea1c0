// The BulkWriter of an engine in the process (SQLite): a prepared INSERT run per row costs no
// round trip, so it is already what COPY is to a server.
#include <fmt/format.h>

#include "store/engine/database.h"

namespace aftersales::store {
namespace {

class InsertBulkWriter final : public BulkWriter {
 public:
  InsertBulkWriter(Database& db, const std::string& sql) : insert_(db.prepare(sql)) {}

  void add_null() override { insert_->bind_null(++column_); }
  void add(std::int64_t value) override { insert_->bind(++column_, value); }
  void add(std::string_view text) override { insert_->bind(++column_, std::string(text)); }
  void end_row() override {
    insert_->run();
    insert_->reset();
    column_ = 0;
  }
  void flush() override {}

 private:
  Query insert_;
  int column_ = 0;
};

}  // namespace

std::unique_ptr<BulkWriter> insert_bulk_writer(Database& db, const std::string& table,
                                               const std::vector<std::string>& columns) {
  std::string names;
  std::string values;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    names += fmt::format("{}{}", i == 0 ? "" : ", ", columns[i]);
    values += fmt::format("{}?{}", i == 0 ? "" : ", ", i + 1);
  }
  return std::make_unique<InsertBulkWriter>(
      db, fmt::format("INSERT INTO {} ({}) VALUES ({})", table, names, values));
}

}  // namespace aftersales::store
