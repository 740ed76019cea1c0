// "Has this happened before?" (issue 16): the records whose text holds a query, newest first,
// each with the text that matched and the fix that closed it; and the past repairs closest to a
// ticket. What matches is search_text.h's; the same on SQLite and PostgreSQL.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "aftersales/core/context.h"
#include "aftersales/search/search_hit.h"

namespace aftersales {

struct SearchRequest {
  std::string text;
  std::optional<std::string> model;     // a model code: its units' records
  std::optional<std::string> category;  // a ticket's or complaint's category
  std::optional<std::string> unit;      // a serial
  std::optional<std::string> customer;  // a customer code
  std::optional<Date> since;            // records of that day and after
  int limit = 20;
};

// The most a search or --similar lists at once.
inline constexpr int kMaxSearchLimit = 1000;

// The records of every kind (tickets, unit notes, visits, complaints) whose text holds every
// term of request.text, newest first, at most request.limit, each field's matches marked.
// Throws Error(kInvalidInput) when the text holds no word or character to look for or the limit
// is not 1..kMaxSearchLimit; Error(kNotFound) for a model, unit or customer that does not exist.
std::vector<SearchHit> search_records(Context& ctx, const SearchRequest& request);

// The past repairs (tickets with a work record) of the same model and category as the ticket
// `number`, closest first: by the share of terms (words and character pairs) their
// description and analysis have in common with the ticket's (SearchHit::similarity_bp, the
// Dice coefficient), then newest first; none in common, none listed. The newest
// kSimilarCandidates repairs are compared. Throws Error(kNotFound) for an unknown ticket.
std::vector<SearchHit> similar_repairs(Context& ctx, const std::string& number, int limit);

inline constexpr int kSimilarCandidates = 5000;

// Writes every record's search row again (`search --reindex`, what the doctor's "search"
// finding asks for); returns how many records have one. Needs admin, audited. Error(
// kRuleViolation) for another role.
std::int64_t reindex_search(Context& ctx);

}  // namespace aftersales
