// Names of the kinds of history note (表1 B, E).
#include "aftersales/units/unit.h"

namespace aftersales {

const char* note_kind_name(NoteKind kind) {
  switch (kind) {
    case NoteKind::kStatus:
      return "status";
    case NoteKind::kQuality:
      return "quality";
    case NoteKind::kTechChange:
      return "tech-change";
    case NoteKind::kPartReplacement:
      return "part-replacement";
  }
  return "status";
}

std::optional<NoteKind> parse_note_kind(const std::string& name) {
  for (NoteKind kind :
       {NoteKind::kStatus, NoteKind::kQuality, NoteKind::kTechChange, NoteKind::kPartReplacement}) {
    if (name == note_kind_name(kind)) return kind;
  }
  return std::nullopt;
}

}  // namespace aftersales
