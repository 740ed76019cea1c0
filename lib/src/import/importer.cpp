// The import run: files -> records -> mapped row values -> the entity's upsert, in one
// transaction, as one recorded batch (CLI.md `import`).
#include "aftersales/import/importer.h"

#include <fmt/format.h>
#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <exception>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "aftersales/audit/audit.h"
#include "aftersales/core/error.h"
#include "aftersales/core/text.h"
#include "aftersales/identity/identity.h"
#include "aftersales/io/sheets/excel_date.h"
#include "aftersales/store/store.h"
#include "import/bounded_queue.h"
#include "import/entity_importer.h"
#include "import/file_digest.h"
#include "import/mapping.h"

namespace aftersales {
namespace {

struct Rollback {};  // thrown to undo a dry run or a failed all-or-nothing import

bool ends_with_xlsx(const std::string& path) {
  if (path.size() < 5) return false;
  std::string tail = path.substr(path.size() - 5);
  std::transform(tail.begin(), tail.end(), tail.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return tail == ".xlsx";
}

std::string lower_ascii(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// One record on its way from the reader thread to the writer.
struct Row {
  SourceRecord record;
  std::uint64_t bytes = 0;  // the source's bytes read after this record, for progress
  bool blank = false;
  bool ragged = false;
  RowValues values;
  FieldReader reader;  // problems found so far
  std::shared_ptr<void> prepared;
};

// Reads one file's records into the entity importer.
class FileRun {
 public:
  FileRun(Context& ctx, const ImportOptions& options, const Mapping& mapping,
          EntityImporter& importer, ImportSummary& summary, std::ofstream* rejects)
      : ctx_(ctx),
        options_(options),
        mapping_(mapping),
        importer_(importer),
        summary_(summary),
        rejects_(rejects) {}

  // Returns false when the error limit stopped the reading. The file is read, mapped and
  // checked on a second thread while this one writes (both cores busy), through a bounded
  // queue (memory stays flat whatever the file's size).
  bool run(const std::string& path, RecordSource& source, ImportFileSummary& file,
           std::uint64_t bytes_before, std::uint64_t bytes_total) {
    path_ = path;
    excel_dates_ = mapping_.excel_dates.value_or(ends_with_xlsx(path));
    if (mapping_.header) {
      SourceRecord record;
      bool have_header = false;
      while (!have_header && source.next(record)) {
        if (record.line <= mapping_.skip) continue;
        read_header(record);
        have_header = true;
      }
      if (!have_header) {
        throw Error(ErrorCode::kInvalidInput,
                    fmt::format("{}: no header row after skipping {} lines", path, mapping_.skip),
                    "check the file, or the skip of the mapping");
      }
    } else {
      columns_by_position(0);
    }

    BoundedQueue<std::vector<Row>> queue(8);
    std::atomic<bool> stop{false};
    std::exception_ptr failure;
    std::thread reader([&] {
      try {
        std::vector<Row> chunk;
        Row row;
        while (!stop && source.next(row.record)) {
          if (row.record.line <= mapping_.skip) continue;
          row.bytes = source.bytes_read();
          prepare_row(row);
          chunk.push_back(std::move(row));
          row = Row{};
          if (chunk.size() == 256) {
            if (!queue.push(std::move(chunk))) break;
            chunk.clear();
          }
        }
        if (!chunk.empty()) queue.push(std::move(chunk));
      } catch (...) {
        failure = std::current_exception();
      }
      queue.close();
    });
    // However the writing ends, the reader stops and is joined before we leave.
    struct JoinReader {
      std::thread& thread;
      std::atomic<bool>& stop;
      BoundedQueue<std::vector<Row>>& queue;
      ~JoinReader() {
        stop = true;
        queue.close();
        thread.join();
      }
    } join_reader{reader, stop, queue};

    std::vector<Row> chunk;
    while (queue.pop(chunk)) {
      for (Row& row : chunk) {
        if (row.blank) continue;
        ++file.records;
        finish_row(row, file.records == 1 && !mapping_.header);
        if ((file.records & 0xFFF) == 0 && options_.progress) {
          options_.progress(bytes_before + row.bytes, bytes_total);
        }
        // All or nothing: once rejected, reading on only finds more problems to show.
        if (options_.on_error == OnError::kStop && summary_.rejected > 0 &&
            summary_.findings.size() >= options_.max_errors) {
          return false;
        }
      }
    }
    if (failure) std::rethrow_exception(failure);
    return true;
  }

 private:
  static bool is_blank(const SourceRecord& record) {
    return std::all_of(record.fields.begin(), record.fields.end(),
                       [](const std::string& f) { return trim_view(f).empty(); });
  }

  // Header names -> field indexes: the mapping's [columns], else the built-in names.
  void read_header(const SourceRecord& record) {
    if (!record.problem.empty()) {
      throw Error(ErrorCode::kInvalidInput,
                  fmt::format("{}:{}: the header row cannot be read: {}", path_, record.line,
                              record.problem),
                  "correct the header row of the file");
    }
    header_ = record.fields;
    header_line_ = record.line;
    if (!mapping_.expect_header.empty() && header_ != mapping_.expect_header) {
      throw Error(
          ErrorCode::kInvalidInput,
          fmt::format("{}:{}: the header is not the agreed one: found {}; expected {}", path_,
                      record.line, fmt::join(header_, ","), fmt::join(mapping_.expect_header, ",")),
          "use the agreed template, or change expect_header in the mapping");
    }
    const std::vector<ImportField>& fields = importer_.fields();
    column_of_.assign(fields.size(), -1);
    std::vector<bool> used(header_.size(), false);
    for (std::size_t f = 0; f < fields.size(); ++f) {
      const auto mapped = mapping_.columns.find(fields[f].name);
      if (mapped != mapping_.columns.end()) {
        if (const int* position = std::get_if<int>(&mapped->second)) {
          column_of_[f] = *position - 1;
        } else {
          const std::string& name = std::get<std::string>(mapped->second);
          for (std::size_t c = 0; c < header_.size(); ++c) {
            if (trim(header_[c]) == name) column_of_[f] = static_cast<int>(c);
          }
          if (column_of_[f] < 0) {
            throw Error(
                ErrorCode::kInvalidInput,
                fmt::format("{}:{}: the mapping's column \"{}\" for field \"{}\" is not in "
                            "the header ({})",
                            path_, record.line, name, fields[f].name, fmt::join(header_, ",")),
                "fix [columns] in the mapping, or the header of the file");
          }
        }
        continue;
      }
      for (std::size_t c = 0; c < header_.size() && column_of_[f] < 0; ++c) {
        const std::string name = lower_ascii(trim(header_[c]));
        for (const std::string& alias : fields[f].headers) {
          if (!used[c] && name == lower_ascii(alias)) {
            column_of_[f] = static_cast<int>(c);
            used[c] = true;
            break;
          }
        }
      }
    }
    for (std::size_t c = 0; c < header_.size(); ++c) {
      if (used[c] || trim(header_[c]).empty()) continue;
      bool mapped = false;
      for (int column : column_of_) mapped = mapped || column == static_cast<int>(c);
      if (!mapped) {
        summary_.warnings.push_back(
            fmt::format("{}:{}:{}: column \"{}\" is not a field of {}s; "
                        "ignored",
                        path_, record.line, c + 1, header_[c], importer_.entity()));
      }
    }
    if (column_of_[0] < 0) {
      throw Error(ErrorCode::kInvalidInput,
                  fmt::format("{}:{}: no column for the key field \"{}\" ({}); the header is {}",
                              path_, record.line, fields[0].name,
                              fmt::join(fields[0].headers, " / "), fmt::join(header_, ",")),
                  "did you forget skip (lines above the header)? Or name the column in the "
                  "mapping's [columns]");
    }
  }

  // Without a header: the mapping's positions, else the fields in their order.
  void columns_by_position(std::size_t) {
    const std::vector<ImportField>& fields = importer_.fields();
    column_of_.assign(fields.size(), -1);
    for (std::size_t f = 0; f < fields.size(); ++f) {
      const auto mapped = mapping_.columns.find(fields[f].name);
      if (mapped != mapping_.columns.end()) {
        if (const int* position = std::get_if<int>(&mapped->second)) column_of_[f] = *position - 1;
      } else if (mapping_.columns.empty()) {
        column_of_[f] = static_cast<int>(f);
      }
    }
    for (std::size_t f = 0; f < fields.size(); ++f) header_.push_back(fields[f].name);
  }

  // The text of a date, time or number cell as the core reads it.
  std::string normalized(const ImportField& field, const std::string& raw) const {
    const std::string text = trim(raw);
    const bool numeric =
        !text.empty() && text.find_first_not_of("0123456789.") == std::string::npos;
    if (excel_dates_ && numeric && field.kind == ImportField::Kind::kDate) {
      if (auto date = excel_serial_date(text)) return format_date(*date);
    }
    if (excel_dates_ && numeric && field.kind == ImportField::Kind::kTime) {
      if (auto date = excel_serial_date(text)) {
        const auto dot = text.find('.');
        long seconds = 0;
        if (dot != std::string::npos) {
          seconds = std::lround(std::stod("0" + text.substr(dot)) * 86400.0);
          seconds = std::min(seconds, 86399L);
        }
        return fmt::format("{}T{:02}:{:02}:{:02}", format_date(*date), seconds / 3600,
                           seconds / 60 % 60, seconds % 60);
      }
    }
    if (field.kind == ImportField::Kind::kInteger) {
      const char grouping = mapping_.decimal_mark == '.' ? ',' : '.';
      std::string digits;
      for (char c : text) {
        if (c != grouping) digits += c;
      }
      return digits;
    }
    return raw;
  }

  // The reader thread's part: blank rows, problems of the file itself, ragged rows, mapping
  // and the entity's checks that need no store.
  void prepare_row(Row& row) const {
    const SourceRecord& record = row.record;
    if (!record.problem.empty()) return;
    row.blank = is_blank(record);
    if (row.blank) return;
    if (mapping_.header && !ends_with_xlsx(path_) && record.fields.size() != header_.size()) {
      row.ragged = true;
      return;
    }
    const std::vector<ImportField>& fields = importer_.fields();
    row.values.resize(fields.size());
    for (std::size_t f = 0; f < fields.size(); ++f) {
      const int column = column_of_[f];
      if (column < 0) continue;
      row.values[f] = static_cast<std::size_t>(column) < record.fields.size()
                          ? normalized(fields[f], record.fields[column])
                          : std::string();
    }
    row.prepared = importer_.prepare(row.values, row.reader);
  }

  // This thread's part: the store's checks, the write, and the findings.
  void finish_row(Row& row, bool first_data_row) {
    const SourceRecord& record = row.record;
    std::vector<ImportFinding> found;
    const auto finding = [&](int column, const std::string& field, const std::string& message) {
      ImportFinding f;
      f.file = path_;
      f.line = column > 0 && static_cast<std::size_t>(column) <= record.field_lines.size()
                   ? record.field_lines[column - 1]
                   : record.line;
      f.record = record.record;
      f.column = column;
      f.field = field;
      f.message = message;
      found.push_back(std::move(f));
    };
    if (!record.problem.empty()) {
      const int column = record.problem_column;
      finding(column,
              column > 0 && static_cast<std::size_t>(column) <= header_.size() ? header_[column - 1]
                                                                               : "",
              record.problem);
    } else if (row.ragged) {
      finding(0, "",
              fmt::format("the row has {} fields, the header has {}: a ragged row is never filled "
                          "or cut; check for a missing or extra comma, or an unquoted field",
                          record.fields.size(), header_.size()));
    } else {
      const std::vector<ImportField>& fields = importer_.fields();
      FieldReader& reader = row.reader;
      const RowOutcome outcome = importer_.write(row.values, row.prepared, reader);
      switch (outcome) {
        case RowOutcome::kNew:
          ++summary_.new_rows;
          break;
        case RowOutcome::kUnchanged:
          ++summary_.unchanged;
          break;
        case RowOutcome::kUpdated:
          ++summary_.updated;
          break;
        case RowOutcome::kRejected:
          for (const FieldProblem& problem : reader.problems()) {
            const std::string name = problem.field == "desc" ? "description" : problem.field;
            int column = 0;
            std::string header = name;
            for (std::size_t f = 0; f < fields.size(); ++f) {
              if (fields[f].name == name && column_of_[f] >= 0) {
                column = column_of_[f] + 1;
                if (static_cast<std::size_t>(column_of_[f]) < header_.size()) {
                  header = header_[column_of_[f]];
                }
              }
            }
            std::string message = problem.message;
            if (first_data_row) message += " (is this a header row? did you forget skip?)";
            finding(column, header, message);
          }
          break;
      }
    }
    if (found.empty()) return;
    ++summary_.rejected;
    if (rejects_ != nullptr) write_reject(record, found);
    for (ImportFinding& f : found) {
      if (summary_.findings.size() < options_.max_errors) summary_.findings.push_back(std::move(f));
    }
  }

  void write_reject(const SourceRecord& record, const std::vector<ImportFinding>& found) {
    if (!reject_header_written_) {
      write_csv_row(header_, {"_line", "_field", "_error"});
      reject_header_written_ = true;
    }
    std::vector<std::string> messages;
    for (const ImportFinding& f : found) messages.push_back(f.message);
    write_csv_row(record.fields, {std::to_string(record.line), found.front().field,
                                  fmt::format("{}", fmt::join(messages, "; "))});
  }

  void write_csv_row(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    bool first = true;
    for (const auto* part : {&a, &b}) {
      for (const std::string& field : *part) {
        if (!first) *rejects_ << ',';
        first = false;
        if (field.find_first_of(",\"\r\n") == std::string::npos) {
          *rejects_ << field;
        } else {
          *rejects_ << '"';
          for (char c : field) *rejects_ << (c == '"' ? "\"\"" : std::string(1, c));
          *rejects_ << '"';
        }
      }
    }
    *rejects_ << "\r\n";
  }

  Context& ctx_;
  const ImportOptions& options_;
  const Mapping& mapping_;
  EntityImporter& importer_;
  ImportSummary& summary_;
  std::ofstream* rejects_;
  std::string path_;
  bool excel_dates_ = false;
  std::vector<std::string> header_;
  std::int64_t header_line_ = 0;
  std::vector<int> column_of_;  // field index -> 0-based column, -1 when absent
  bool reject_header_written_ = false;
};

std::vector<std::string> field_names(const EntityImporter& importer) {
  std::vector<std::string> names;
  for (const ImportField& f : importer.fields()) names.push_back(f.name);
  return names;
}

const std::vector<std::string>& roles_for(const Context& ctx, ImportEntity entity) {
  return entity == ImportEntity::kTickets ? ctx.rules.permissions.ticket_intake
                                          : ctx.rules.permissions.archive_write;
}

}  // namespace

std::string ImportFinding::to_string() const {
  const std::string at = record != 0 && record != line
                             ? fmt::format("{}:{} (record {})", file, line, record)
                             : fmt::format("{}:{}", file, line);
  if (field.empty()) return fmt::format("{}:{}: {}", at, column, message);
  return fmt::format("{}:{}: field \"{}\": {}", at, column, field, message);
}

std::optional<ImportEntity> parse_import_entity(const std::string& name) {
  if (name == "customers") return ImportEntity::kCustomers;
  if (name == "models") return ImportEntity::kModels;
  if (name == "units") return ImportEntity::kUnits;
  if (name == "tickets") return ImportEntity::kTickets;
  return std::nullopt;
}

ImportSummary run_import(Context& ctx, const ImportOptions& options) {
  require_role(ctx, roles_for(ctx, options.entity), "importing");
  if (options.files.empty()) {
    throw Error(ErrorCode::kUsage, "import: no file given", "name one or more .csv or .xlsx files");
  }
  const std::vector<std::string> fields =
      field_names(*make_entity_importer(options.entity, ctx, nullptr));
  const Mapping mapping =
      options.mapping_file ? load_mapping(*options.mapping_file, fields) : Mapping{};

  ImportSummary summary;
  std::uint64_t bytes_total = 0;
  for (const std::string& path : options.files) {
    ImportFileSummary file;
    file.path = path;
    file.sha256 = sha256_of_file(path);
    summary.files.push_back(file);
  }
  std::ofstream rejects;
  std::string reject_temporary;
  if (options.on_error == OnError::kSkip && options.reject_file && !options.dry_run) {
    reject_temporary = *options.reject_file + ".tmp";
    rejects.open(reject_temporary, std::ios::binary | std::ios::trunc);
    if (!rejects) {
      throw Error(ErrorCode::kUsage, fmt::format("{}: cannot be written", *options.reject_file),
                  "check the reject file's directory");
    }
    rejects << "\xEF\xBB\xBF";  // UTF-8 BOM: Excel opens the Chinese text correctly
  }

  try {
    ctx.store.write([&] {
      ImportBatch batch;
      batch.entity = make_entity_importer(options.entity, ctx, nullptr)->entity();
      batch.mapping = mapping.source;
      batch.mode = options.on_error == OnError::kStop ? "stop" : "skip";
      batch.actor = ctx.actor.user;
      batch.login = ctx.actor.login;
      batch.at = ctx.now();
      batch.files = "[]";
      ctx.store.imports().insert_batch(batch);
      const std::unique_ptr<ImportSession> session =
          ctx.store.imports().open_session(options.entity, batch.id);
      std::unique_ptr<EntityImporter> importer =
          make_entity_importer(options.entity, ctx, session.get());
      // Into an empty table the indexes are built once at the end (issue 4, item 10).
      session->begin_bulk_load();

      std::vector<std::unique_ptr<RecordSource>> sources;
      for (const std::string& path : options.files) {
        sources.push_back(ends_with_xlsx(path) ? open_xlsx(path)
                                               : open_csv(path, options.encoding));
        bytes_total += sources.back()->total_bytes();
      }
      std::uint64_t bytes_before = 0;
      for (std::size_t i = 0; i < sources.size(); ++i) {
        FileRun run(ctx, options, mapping, *importer, summary,
                    rejects.is_open() ? &rejects : nullptr);
        summary.files[i].encoding = sources[i]->encoding();
        const bool complete =
            run.run(options.files[i], *sources[i], summary.files[i], bytes_before, bytes_total);
        bytes_before += sources[i]->total_bytes();
        if (!complete) break;
      }
      importer->finish();
      if (options.progress) options.progress(bytes_total, bytes_total);

      nlohmann::json files = nlohmann::json::array();
      for (const ImportFileSummary& f : summary.files) {
        files.push_back({{"path", f.path},
                         {"sha256", f.sha256},
                         {"encoding", f.encoding},
                         {"records", f.records}});
      }
      batch.files = files.dump();
      batch.new_rows = summary.new_rows;
      batch.unchanged = summary.unchanged;
      batch.updated = summary.updated;
      batch.rejected = summary.rejected;
      ctx.store.imports().update_batch(batch);
      record_change(ctx, "import", std::to_string(batch.id), "import", "",
                    nlohmann::json{{"entity", batch.entity},
                                   {"files", files},
                                   {"mapping", batch.mapping},
                                   {"mode", batch.mode},
                                   {"new", batch.new_rows},
                                   {"unchanged", batch.unchanged},
                                   {"updated", batch.updated},
                                   {"rejected", batch.rejected}}
                        .dump());
      const bool refused = options.on_error == OnError::kStop && summary.rejected > 0;
      if (options.dry_run || refused) throw Rollback{};
      session->end_bulk_load();
      summary.batch_id = batch.id;
    });
    summary.committed = true;
  } catch (const Rollback&) {
    summary.committed = false;
  } catch (...) {
    if (!reject_temporary.empty()) std::remove(reject_temporary.c_str());
    throw;
  }
  if (!reject_temporary.empty()) {
    rejects.close();
    if (summary.committed && summary.rejected > 0) {
      if (std::rename(reject_temporary.c_str(), options.reject_file->c_str()) != 0) {
        summary.warnings.push_back(
            fmt::format("the rejected rows could not be moved to {}: {}; "
                        "they are in {}",
                        *options.reject_file, std::strerror(errno), reject_temporary));
      }
    } else {
      std::remove(reject_temporary.c_str());
    }
  }
  return summary;
}

ImportBatch revert_import(Context& ctx, std::int64_t batch_id) {
  ImportBatch batch;
  ctx.store.write([&] {
    std::optional<ImportBatch> found = ctx.store.imports().find_batch(batch_id);
    if (!found) {
      throw Error(ErrorCode::kNotFound, fmt::format("import batch {} does not exist", batch_id),
                  "`aftersales import list` shows the batches");
    }
    batch = *found;
    const ImportEntity entity = *parse_import_entity(batch.entity + "s");
    require_role(ctx, roles_for(ctx, entity), "reverting an import");
    if (batch.reverted_at) {
      throw Error(ErrorCode::kRuleViolation,
                  fmt::format("refused: import batch {} was reverted already", batch_id));
    }
    if (std::optional<std::int64_t> later = ctx.store.imports().later_batch_over(batch_id)) {
      throw Error(ErrorCode::kRuleViolation,
                  fmt::format("refused: batch {} changed rows of batch {} since", *later, batch_id),
                  fmt::format("revert batch {} first", *later));
    }
    std::unique_ptr<EntityImporter> importer = make_entity_importer(entity, ctx, nullptr);
    ImportStore& imports = ctx.store.imports();
    // Rows the batch still owns: restore the updated ones, remove the added ones. A row typed
    // over since is no longer the batch's (its batch was cleared): it is left as it is.
    for (const std::string& key : imports.keys_in_batch(entity, batch_id)) {
      if (std::optional<ImportBefore> before = imports.before(batch_id, key)) {
        // The row goes back to the batch (or the clerk) that had written it.
        std::unique_ptr<ImportSession> previous;
        if (before->batch) previous = imports.open_session(entity, *before->batch);
        importer->restore(key, before->values);
      } else {
        importer->remove(key);
      }
    }
    batch.reverted_at = ctx.now();
    batch.reverted_by = ctx.actor.user;
    ctx.store.imports().update_batch(batch);
    record_change(ctx, "import", std::to_string(batch_id), "revert", "", "");
  });
  return batch;
}

std::vector<ImportBatch> list_imports(Context& ctx) { return ctx.store.imports().list_batches(); }

}  // namespace aftersales
