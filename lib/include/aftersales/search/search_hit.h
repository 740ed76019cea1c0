// A record that full-text search found (issue 16): what it is, when, on which unit, the text
// that matched and the fix that closed it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "aftersales/core/time.h"
#include "aftersales/search/search_text.h"

namespace aftersales {

// One field of the record's text, with where the query matched in it.
struct SearchField {
  std::string name;  // description, analysis, advice, work_done, text, suggestion, resolution
  std::string text;
  std::vector<search::TextSpan> matches;
};

struct SearchHit {
  std::string kind;    // ticket, note, visit, complaint
  std::string record;  // the ticket, visit or complaint number; a note's unit serial
  Timestamp at;        // reported, noted, visited or opened
  std::string unit;    // the unit's serial; empty for a visit or complaint of the customer
  std::string model;   // the unit's model code
  std::string customer;
  std::string category;             // a ticket's or complaint's
  std::string state;                // a ticket's state, a complaint's open/closed, a note's kind,
                                    // a visit's reason
  std::vector<SearchField> fields;  // the record's text, fields without text left out
  std::string fix;                  // the work done (else the advice), or the resolution
  std::optional<Timestamp> fixed_at;
  int similarity_bp = 0;  // ticket show --similar: shared terms, Dice coefficient in 1/100 %
};

}  // namespace aftersales
