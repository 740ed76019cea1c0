// One file of an import: a reader thread maps and checks its records while this thread writes
// them, through a bounded queue (both cores busy, memory flat whatever the file's size).
#include "import/file_run.h"

#include <fmt/format.h>
#include <algorithm>
#include <atomic>
#include <exception>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

#include "aftersales/core/error.h"
#include "aftersales/core/text.h"
#include "import/bounded_queue.h"

namespace aftersales {

struct FileRun::Row {
  SourceRecord record;
  std::uint64_t bytes = 0;  // the source's bytes read after this record, for progress
  bool blank = false;
  bool ragged = false;
  RowValues values;
  FieldReader reader;  // problems found so far
  std::shared_ptr<void> prepared;
};

namespace {

constexpr std::size_t kChunkRows = 256;  // rows handed from the reader to the writer at once

bool is_blank(const SourceRecord& record) {
  return std::all_of(record.fields.begin(), record.fields.end(),
                     [](const std::string& f) { return trim_view(f).empty(); });
}

}  // namespace

FileRun::FileRun(const ImportOptions& options, const Mapping& mapping, EntityImporter& importer,
                 ImportSummary& summary, RejectFile* rejects)
    : options_(options),
      mapping_(mapping),
      importer_(importer),
      summary_(summary),
      rejects_(rejects) {}

bool FileRun::run(const std::string& path, RecordSource& source, ImportFileSummary& file,
                  std::uint64_t bytes_before, std::uint64_t bytes_total) {
  path_ = path;
  // By what the source read, not the file's name: an .xlsx named .csv is still a workbook.
  const std::string format = source.format();
  workbook_ = format == "xlsx" || format == "xls";
  ColumnMap columns(path, mapping_, importer_.fields(), mapping_.excel_dates.value_or(workbook_));
  if (mapping_.header) {
    SourceRecord record;
    bool have_header = false;
    while (!have_header && source.next(record)) {
      if (record.line <= mapping_.skip) continue;
      columns.read_header(record, importer_.entity(), summary_.warnings);
      have_header = true;
    }
    if (!have_header) {
      throw Error(ErrorCode::kInvalidInput,
                  fmt::format("{}: no header row after skipping {} lines", path, mapping_.skip),
                  "check the file, or the skip of the mapping");
    }
    // The header told a text file's delimiter; ragged rows are looked for only under a header.
    ragged_hint_ = source.format() == "tsv"
                       ? "check for a missing or extra tab"
                       : "check for a missing or extra comma, or an unquoted field";
  } else {
    columns.columns_by_position();
  }
  if (rejects_ != nullptr) rejects_->start_file(columns.header());

  BoundedQueue<std::vector<Row>> queue(8);
  // Chunks written come back to the reader to be filled again, so that a row's memory is
  // reused, and freed, by the thread that allocated it (glibc's malloc takes the lock of the
  // other thread's arena for each free: a row freed by the writer cost a lock per string).
  BoundedQueue<std::vector<Row>> spent(16);
  std::atomic<bool> stop{false};
  std::exception_ptr failure;
  std::thread reader([&] {
    try {
      std::vector<Row> chunk;
      std::size_t used = 0;
      while (!stop) {
        if (used == chunk.size()) chunk.emplace_back();
        Row& row = chunk[used];
        if (!source.next(row.record)) break;
        if (row.record.line <= mapping_.skip) continue;
        row.bytes = source.bytes_read();
        row.blank = false;
        row.ragged = false;
        row.values.clear();
        row.reader = FieldReader{};
        row.prepared.reset();
        prepare_row(row, columns);
        if (++used == kChunkRows) {
          if (!queue.push(std::move(chunk))) break;
          chunk.clear();
          spent.try_pop(chunk);
          used = 0;
        }
      }
      chunk.resize(used);
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

  // Rows the importer staged and its stage held back come back here while this file's columns
  // are at hand; the stage is written out before the file ends.
  importer_.set_replay([&](SourceRecord& record) { replay(record, columns); });
  struct ClearReplay {
    EntityImporter& importer;
    ~ClearReplay() { importer.set_replay(nullptr); }
  } clear_replay{importer_};

  std::vector<Row> chunk;
  while (queue.pop(chunk)) {
    for (Row& row : chunk) {
      if (row.blank) continue;
      ++file.records;
      finish_row(row, columns, file.records == 1 && !mapping_.header, true);
      if ((file.records & 0xFFF) == 0 && options_.progress) {
        options_.progress(bytes_before + row.bytes, bytes_total);
      }
      // All or nothing: once rejected, reading on only finds more problems to show.
      if (options_.on_error == OnError::kStop && summary_.rejected > 0 &&
          summary_.findings.size() >= options_.max_errors) {
        importer_.flush_staged();
        return false;
      }
    }
    spent.try_push(chunk);
  }
  if (failure) std::rethrow_exception(failure);
  importer_.flush_staged();
  return true;
}

void FileRun::replay(SourceRecord& record, const ColumnMap& columns) {
  Row row;
  row.record = std::move(record);
  prepare_row(row, columns);
  --summary_.new_rows;
  finish_row(row, columns, false, false);
}

void FileRun::prepare_row(Row& row, const ColumnMap& columns) const {
  const SourceRecord& record = row.record;
  if (!record.problem.empty()) return;
  row.blank = is_blank(record);
  if (row.blank) return;
  if (mapping_.header && !workbook_ && record.fields.size() != columns.header().size()) {
    row.ragged = true;
    return;
  }
  row.values = columns.values_of(record.fields);
  row.prepared = importer_.prepare(row.values, row.reader);
}

void FileRun::finish_row(Row& row, const ColumnMap& columns, bool first_data_row, bool may_stage) {
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
    finding(record.problem_column, columns.header_of_column(record.problem_column), record.problem);
  } else if (row.ragged) {
    finding(0, "",
            fmt::format("the row has {} fields, the header has {}: a ragged row is never filled "
                        "or cut; {}",
                        record.fields.size(), columns.header().size(), ragged_hint_));
  } else {
    switch (
        importer_.write(row.values, row.prepared, row.reader, may_stage ? &row.record : nullptr)) {
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
        for (const FieldProblem& problem : row.reader.problems()) {
          // The ticket readers name the description as `ticket open` does: --desc.
          const FieldColumn at =
              columns.column_of_field(problem.field == "desc" ? "description" : problem.field);
          std::string message = problem.message;
          if (first_data_row) message += " (is this a header row? did you forget skip?)";
          finding(at.column, at.header, message);
        }
        break;
    }
  }
  if (found.empty()) return;
  ++summary_.rejected;
  if (rejects_ != nullptr) {
    std::vector<std::string> messages;
    for (const ImportFinding& f : found) messages.push_back(f.message);
    rejects_->add(record.fields, record.line, found.front().field, messages);
  }
  for (ImportFinding& f : found) {
    if (summary_.findings.size() < options_.max_errors) summary_.findings.push_back(std::move(f));
  }
}

}  // namespace aftersales
