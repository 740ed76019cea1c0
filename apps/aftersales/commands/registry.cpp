#include "commands/registry.h"

namespace aftersales::cli {

const std::vector<CommandFamily>& command_families() {
  static const std::vector<CommandFamily> families = {
      {"init", "create or migrate the database", attach_init},
      {"config", "show the effective rules; check a rules file", attach_config},
      {"customer", "customers: add, list, show, edit", attach_customer},
      {"model", "product models and their warranty terms: add, edit, list", attach_model},
      {"unit", "the factory archive (表1): add, edit, show, list, accept, note", attach_unit},
      {"ticket", "service requests (表3-表6)", attach_ticket},
      {"approval", "approvals of every form: list, approve, reject", attach_approval},
      {"part",
       "spare parts: catalogue, stock, 表11 issues, 表12 returns, sales, 表13 urgent requests",
       attach_part},
      {"gatepass", "gate passes (出门证) for parts leaving the factory: list, show",
       attach_gatepass},
      {"purchase", "purchase plans of large part orders and urgent requests: list, show, receive",
       attach_purchase},
      {"visit", "follow-up visits (表2): due, record, list, show", attach_visit},
      {"survey", "annual satisfaction survey (表9): due, record, list", attach_survey},
      {"complaint", "customer complaints and suggestions (客户投诉): open, list, show, close",
       attach_complaint},
      {"training", "handover training of delivered units (新车交接培训): record, list",
       attach_training},
      {"attach",
       "signed scans kept with their records (PDF, JPEG, PNG): attach ENTITY ID FILE, list, get",
       attach_attachment},
      {"search",
       "has this happened before? the tickets, notes, visits and complaints whose text holds "
       "the words, newest first, with their fix",
       attach_search},
      {"report", "monthly reports (表7, 表8, 表10, parts, KPIs) and the nightly set of files",
       attach_report},
      {"print", "the paper forms (表1-表13, 出门证) filled from a record, to sign: HTML or PDF",
       attach_print},
      {"export", "every record type as CSV, TSV, JSON, JSON Lines or .xlsx, streamed",
       attach_export},
      {"import", "batch import from CSV and .xlsx: validated, idempotent, revertible",
       attach_import},
      {"doctor", "integrity and rule invariants: exit 0 sound, 1 with the list", attach_doctor},
      {"log", "the audit trail", attach_log},
      {"backup", "a consistent copy of the database while others work", attach_backup},
      {"help", "the help of a command: aftersales help ticket open", attach_help},
      {"version", "print the version (also --version, -V)", attach_version},
      {"__complete", "shell completion: the candidates for the last word", attach_complete, true},
      {"__man", "the man page aftersales(1) in roff", attach_man, true},
  };
  return families;
}

}  // namespace aftersales::cli
