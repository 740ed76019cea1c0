// What the entity importers share (private to lib/src/import).
#pragma once

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "aftersales/store/store.h"
#include "import/entity_importer.h"

namespace aftersales {

class ImporterBase : public EntityImporter {
 public:
  ImporterBase(Context& ctx, ImportSession* session) : ctx_(ctx), session_(session) {}

 protected:
  // A key this batch wrote already appears twice in the files.
  void check_not_twice(const std::string& key, FieldReader& reader) {
    if (session_ != nullptr &&
        (session_->batch_of(key) == session_->batch() || session_->has_key(key))) {
      reader.add(fields()[0].name, key,
                 fmt::format("{} \"{}\" appears more than once in this import; keep one row",
                             fields()[0].name, key));
    }
  }

  // A row that changes nothing: noted, so that the key appearing again is caught.
  RowOutcome unchanged(const std::string& key) {
    if (session_ != nullptr) session_->note_key(key);
    return RowOutcome::kUnchanged;
  }

  void keep_before(const std::string& key, const std::string& snapshot) {
    if (session_ == nullptr) return;
    session_->save_before(key, ImportBefore{snapshot, session_->batch_of(key)});
  }

  // A snapshot back into row values, by this entity's field order.
  RowValues values_of(const std::string& snapshot) const {
    const nlohmann::json object = nlohmann::json::parse(snapshot, nullptr, false);
    RowValues values(fields().size());
    for (std::size_t i = 0; i < fields().size(); ++i) {
      if (object.is_object() && object.contains(fields()[i].name) &&
          object[fields()[i].name].is_string()) {
        values[i] = object[fields()[i].name].get<std::string>();
      }
    }
    return values;
  }

  Context& ctx_;
  ImportSession* session_;  // the batch writing; none while a revert restores rows
};

}  // namespace aftersales
