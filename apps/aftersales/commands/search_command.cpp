// aftersales search TEXT [--model --category --unit --customer --since --limit]: "has this
// happened before?" (issue 16). What matches and how lives in the core (search/search.h);
// this file parses, calls and renders.
#include <fmt/format.h>

#include "aftersales/core/error.h"
#include "aftersales/search/search.h"
#include "commands/registry.h"
#include "commands/verb.h"
#include "views/search_view.h"

namespace aftersales::cli {
namespace {

struct SearchCommandRequest {
  std::vector<std::string> words;
  std::optional<std::string> model, category, unit, customer, since;
  int limit = 20;
  bool reindex = false;
};

ExitCode reindex(Session& s, const SearchCommandRequest& r) {
  if (!r.words.empty()) {
    throw Error(ErrorCode::kUsage, "--reindex takes no TEXT",
                "run it alone: aftersales search --reindex");
  }
  const std::int64_t rows = reindex_search(s.context());
  s.note(fmt::format("wrote the search rows of {} records", rows));
  return ExitCode::kOk;
}

ExitCode search(Session& s, const SearchCommandRequest& r) {
  if (r.words.empty()) {
    throw Error(ErrorCode::kUsage, "search needs TEXT to look for",
                "e.g. aftersales search 液压泵异响");
  }
  s.check_output();
  Context& ctx = s.context();
  SearchRequest request;
  for (const std::string& word : r.words) {
    request.text += (request.text.empty() ? "" : " ") + word;
  }
  request.model = r.model;
  request.category = r.category;
  request.unit = r.unit;
  request.customer = r.customer;
  request.limit = r.limit;
  if (r.since) {
    request.since = parse_date(*r.since);
    if (!request.since) {
      throw Error(ErrorCode::kInvalidInput,
                  fmt::format("--since: cannot read \"{}\" as a date", *r.since),
                  "write a date like 2026-01-01");
    }
  }
  const std::vector<SearchHit> hits = search_records(ctx, request);
  const UtcOffset zone = ctx.rules.general.utc_offset;
  if (s.format() == Format::kTable) {
    s.write_out([&](std::ostream& out, const RenderOptions& o) {
      write_search_blocks(out, hits, zone, o.colour, o.fit_width);
    });
  } else {
    s.emit_rows(search_columns(), [&](RowWriter& rows) {
      for (const SearchHit& hit : hits) rows.row(search_row(hit, zone));
    });
  }
  s.note(fmt::format("{} record{} found", hits.size(), hits.size() == 1 ? "" : "s"));
  return ExitCode::kOk;
}

}  // namespace

void attach_search(CLI::App& family, Session& session) {
  example(family, "aftersales search 液压泵异响 --model ZZ5160 --limit 10");
  auto r = std::make_shared<SearchCommandRequest>();
  family.add_option(
      "TEXT", r->words,
      "what to look for: Chinese of any length (异响, 液压泵漏油) or words (pump, E3); "
      "several terms must all occur");
  family.add_option("--model", r->model, "only the records of this model's units");
  family.add_option("--category", r->category, "only tickets and complaints of this category");
  family.add_option("--unit", r->unit, "only the records of this unit (serial no.)");
  family.add_option("--customer", r->customer, "only the records of this customer (code)");
  family.add_option("--since", r->since, "only records of this date (YYYY-MM-DD) or later");
  family.add_option("--limit", r->limit, "list at most this many records (default 20)");
  family.add_flag("--reindex", r->reindex,
                  "write every record's search row again (admin), as `doctor` asks when they "
                  "differ from the records");
  // Searching reads; --reindex writes.
  family.callback([&session, r] {
    session.choose(
        r->reindex ? StoreUse::kWrites : StoreUse::kReads, RulesSource::kLedger,
        [&session, r] { return r->reindex ? reindex(session, *r) : search(session, *r); });
  });
}

}  // namespace aftersales::cli
