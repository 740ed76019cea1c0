// Full-text search of the records and the repairs like a ticket (issue 16; search/search.h).
#include "aftersales/search/search.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "aftersales/audit/audit.h"
#include "aftersales/core/error.h"
#include "aftersales/core/text.h"
#include "aftersales/customers/customers.h"
#include "aftersales/identity/identity.h"
#include "aftersales/models/models.h"
#include "aftersales/store/store.h"
#include "aftersales/tickets/tickets.h"
#include "aftersales/units/units.h"

namespace aftersales {
namespace {

void check_limit(int limit) {
  if (limit < 1 || limit > kMaxSearchLimit) {
    throw Error(ErrorCode::kInvalidInput,
                fmt::format("--limit {} is not between 1 and {}", limit, kMaxSearchLimit),
                "give how many records to list, e.g. --limit 10");
  }
}

std::size_t shared_count(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::size_t shared = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++shared, ++i, ++j;
    }
  }
  return shared;
}

std::vector<std::string> repair_terms(const std::string& description, const std::string& analysis) {
  return search::distinct_terms({description, analysis});
}

std::string field_text(const SearchHit& hit, std::string_view name) {
  for (const SearchField& field : hit.fields) {
    if (field.name == name) return field.text;
  }
  return {};
}

}  // namespace

std::vector<SearchHit> search_records(Context& ctx, const SearchRequest& request) {
  check_limit(request.limit);
  const std::vector<search::QueryPhrase> phrases = search::query_phrases(request.text);
  if (phrases.empty()) {
    throw Error(ErrorCode::kInvalidInput,
                fmt::format("\"{}\" holds no word or character to search for", request.text),
                "give words or Chinese characters, e.g. aftersales search 液压泵异响");
  }
  SearchFilter filter;
  filter.limit = request.limit;
  if (request.model) filter.model_id = get_model(ctx, trim(*request.model)).id;
  if (request.unit) filter.unit_id = get_unit(ctx, *request.unit).id;
  if (request.customer) filter.customer_id = get_customer(ctx, trim(*request.customer)).id;
  if (request.category) filter.category = trim(*request.category);
  if (request.since) filter.since = start_of_day(*request.since, ctx.rules.general.utc_offset);

  std::vector<SearchHit> hits = ctx.store.search().find(phrases, filter);
  for (SearchHit& hit : hits) {
    for (SearchField& field : hit.fields)
      field.matches = search::matched_spans(field.text, phrases);
  }
  return hits;
}

std::vector<SearchHit> similar_repairs(Context& ctx, const std::string& number, int limit) {
  check_limit(limit);
  const Ticket ticket = get_ticket(ctx, number);
  const Unit unit = get_unit(ctx, ticket.serial);
  const Model model = get_model(ctx, unit.model_code);
  const std::vector<std::string> wanted = repair_terms(ticket.description, ticket.analysis);

  std::vector<SearchHit> closest;
  ctx.store.search().each_repair(
      model.id, ticket.category, ticket.id, kSimilarCandidates, [&](SearchHit& hit) {
        const std::vector<std::string> terms =
            repair_terms(field_text(hit, "description"), field_text(hit, "analysis"));
        const std::size_t shared = shared_count(wanted, terms);
        if (shared == 0) return;
        hit.similarity_bp = static_cast<int>(20000 * shared / (wanted.size() + terms.size()));
        closest.push_back(std::move(hit));
      });
  // Closest first; among equals, the order read (the newest repair first).
  std::stable_sort(closest.begin(), closest.end(), [](const SearchHit& a, const SearchHit& b) {
    return a.similarity_bp > b.similarity_bp;
  });
  if (closest.size() > static_cast<std::size_t>(limit)) closest.resize(limit);
  return closest;
}

std::int64_t reindex_search(Context& ctx) {
  require_role(ctx, {"admin"}, "writing the search rows again");
  std::int64_t rows = 0;
  ctx.store.write([&] {
    rows = ctx.store.search().rebuild();
    record_change(ctx, "search", "", "reindex", "", fmt::format("{{\"rows\": {}}}", rows));
  });
  return rows;
}

}  // namespace aftersales
