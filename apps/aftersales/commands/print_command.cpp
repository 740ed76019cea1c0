// aftersales print FORM [ID] [--blank] [--month YYYY-MM] [--state STATE] [-o FILE|DIR] [--pdf]:
// the seed's paper forms (表1-表13, 出门证) filled from the ledger, to sign and seal (issue 15).
// The core fills them (forms/printed_form.h); views/form_page.h lays them out for A4; a PDF is
// printed by headless Chromium (chromium_pdf.h).
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "aftersales/core/closest_match.h"
#include "aftersales/core/error.h"
#include "aftersales/forms/printed_form.h"
#include "aftersales/io/render.h"
#include "chromium_pdf.h"
#include "commands/registry.h"
#include "commands/verb.h"
#include "views/form_page.h"

namespace aftersales::cli {
namespace {

struct PrintRequest {
  std::string form;
  std::string id;
  bool blank = false;
  std::string month;
  std::string state;
  bool pdf = false;
};

const FormSpec& form_named(const std::string& typed) {
  if (const FormSpec* spec = find_form_spec(typed)) return *spec;
  std::vector<std::string> names;
  for (const FormSpec& spec : form_specs()) {
    names.push_back(spec.key);
    names.push_back(spec.name);
  }
  const std::string guess = closest_match(typed, names);
  throw Error(ErrorCode::kUsage,
              fmt::format("there is no form \"{}\"{}", typed,
                          guess.empty() ? "" : fmt::format("; did you mean \"{}\"?", guess)),
              "aftersales print --help lists the forms: 表1 ... 表13 and 出门证, or their names");
}

std::string forms_list() {
  std::string text = "Forms (FORM is the key, its number alone, or the name):\n";
  const auto padded = [](const std::string& cell, std::size_t width) {
    return cell + std::string(width - std::min(width, display_width(cell)), ' ');
  };
  for (const FormSpec& spec : form_specs()) {
    text += fmt::format("  {} {} {}{}  ID: {}\n", padded(spec.key, 6), padded(spec.name, 16),
                        spec.title, spec.code.empty() ? "" : " " + spec.code, spec.record);
  }
  return text;
}

// A file name for a printed form: its name and its number, with nothing a shell or another
// system would trip on.
std::string file_name(const PrintedForm& form, bool pdf) {
  std::string stem = form.spec->name;
  if (!form.number.empty()) stem += "-" + form.number;
  if (form.number.empty()) stem += "-blank";
  for (char& ch : stem) {
    if (ch == ' ' || ch == ':' || ch == '/' || ch == '\\') ch = '-';
  }
  return stem + (pdf ? ".pdf" : ".html");
}

bool ends_with(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() &&
         text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

void write_forms(const std::string& html, const std::string& path, bool pdf) {
  if (pdf) {
    write_pdf(html, path);
  } else {
    write_file_atomically(path, [&](std::ostream& out) { out << html; });
  }
}

void check_request(const FormSpec& spec, const PrintRequest& r) {
  const auto refuse = [](const std::string& what, const std::string& hint) {
    throw Error(ErrorCode::kUsage, what, hint);
  };
  if (spec.source == FormSource::kMonth) {
    if (!r.id.empty()) {
      refuse(fmt::format("{} is a month's form and takes no ID (\"{}\")", spec.key, r.id),
             fmt::format("give the month: aftersales print {} --month 2026-11", spec.key));
    }
  } else if (!r.month.empty()) {
    refuse(fmt::format("--month is for the monthly forms 表7, 表8 and 表10, not {}", spec.key),
           fmt::format("name the {} instead", spec.record));
  }
  if (r.blank && (!r.id.empty() || !r.month.empty() || !r.state.empty())) {
    refuse("--blank prints an empty form and takes no ID, --month or --state",
           fmt::format("aftersales print {} --blank -o blank.html", spec.key));
  }
  if (!r.state.empty() && !r.id.empty()) {
    refuse("--state prints every ticket in that state and takes no ID",
           fmt::format("aftersales print {} --state in_service -o DIR", spec.key));
  }
  if (spec.source == FormSource::kRecord && r.id.empty() && !r.blank && r.state.empty()) {
    refuse(fmt::format("{} prints one {}: name it", spec.key, spec.record),
           fmt::format("aftersales print {} ID, or --blank for an empty form", spec.key));
  }
}

ExitCode print_forms(Session& s, const PrintRequest& r) {
  const FormSpec& spec = form_named(r.form);
  check_request(spec, r);
  const std::string& output = s.options.output;
  if (r.state.empty() && !output.empty() && !ends_with(output, ".html") &&
      !ends_with(output, ".htm") && !ends_with(output, ".pdf")) {
    throw Error(ErrorCode::kUsage, fmt::format("-o {}: a printed form is .html or .pdf", output),
                "end the file's name with .html, or .pdf for a PDF");
  }
  if (!r.state.empty() && output.empty()) {
    throw Error(ErrorCode::kUsage, "--state prints one file per ticket and needs -o DIR",
                fmt::format("aftersales print {} --state {} -o forms/", spec.key, r.state));
  }
  Context& ctx = s.context();
  std::string printed_at = format_timestamp(ctx.now(), ctx.rules.general.utc_offset);
  printed_at.resize(16);
  printed_at[10] = ' ';
  const FormPageFooter footer{printed_at, ctx.actor.user};

  if (!r.state.empty()) {
    const std::vector<PrintedForm> forms = print_ticket_forms(ctx, spec, r.state);
    std::filesystem::create_directories(output);
    for (const PrintedForm& form : forms) {
      const std::string path = (std::filesystem::path(output) / file_name(form, r.pdf)).string();
      write_forms(form_page({form}, ctx.rules.company, footer), path, r.pdf);
      std::cout << path << '\n';
    }
    s.note(fmt::format("printed {} {} of the tickets {} to {}", forms.size(), spec.key, r.state,
                       output));
    return ExitCode::kOk;
  }

  FormRequest request;
  request.id = r.id;
  request.blank = r.blank;
  if (!r.month.empty()) request.month = r.month;
  const PrintedForm form = print_form(ctx, spec, request);
  const std::string html = form_page({form}, ctx.rules.company, footer);
  const bool pdf = r.pdf || ends_with(output, ".pdf");
  if (!output.empty()) {
    write_forms(html, output, pdf);
    return ExitCode::kOk;
  }
  if (::isatty(STDOUT_FILENO) == 0) {  // a pipe or a file: the page itself
    if (pdf) {
      throw Error(ErrorCode::kUsage, "a PDF goes to a file", "add -o FILE.pdf");
    }
    std::cout << html;
    return ExitCode::kOk;
  }
  const std::string path = file_name(form, pdf);  // a terminal: a file here, named for the form
  write_forms(html, path, pdf);
  std::cout << path << '\n';
  s.note(fmt::format("{} {} written to {}", spec.key, form.number, path));
  return ExitCode::kOk;
}

}  // namespace

void attach_print(CLI::App& family, Session& session) {
  example(family, "aftersales print 表6 SR-2026-000001 -o SR-2026-000001.html");
  family.footer(
      "Example:\n  aftersales print 表6 SR-2026-000001 -o SR-2026-000001.pdf\n"
      "  aftersales print 出门证 GP-2026-000001 -o gate-pass.html\n"
      "  aftersales print 表7 --month 2026-11 -o 表7-2026-11.html\n"
      "  aftersales print 表2 --blank -o visit-form.html\n"
      "  aftersales print 表6 --state in_service -o today/\n\n" +
      forms_list() +
      "\nWithout -o, the page goes to standard output in a pipe, and to a file named "
      "for the form in the current directory on a terminal.");
  // -o is the form's file (.html or .pdf) or, with --state, a directory: print checks it.
  family.parse_complete_callback([&session] { session.take_output_as_directory(); });
  define_command<PrintRequest>(
      family, session, StoreUse::kReads,
      [](CLI::App& verb, PrintRequest& r) {
        verb.add_option("FORM", r.form, "the form: 表1 ... 表13, 出门证, or its name (work-record)")
            ->required();
        verb.add_option("ID", r.id, "the record: a serial, SR-, VS-, PI-, RT-, UR-, GP- number");
        verb.add_flag("--blank", r.blank, "an empty form to fill in by hand");
        verb.add_option("--month", r.month,
                        "the month of 表7, 表8, 表10 (YYYY-MM; default last month)");
        verb.add_option("--state", r.state,
                        "every ticket in this state (表3-表6), one file each into -o DIR");
        verb.add_flag("--pdf", r.pdf, "PDF through headless Chromium (also: -o FILE.pdf)");
      },
      print_forms);
}

}  // namespace aftersales::cli
