#include "views/form_page.h"

#include <fmt/format.h>

#include "views/qr_code.h"
#include "views/report_page.h"

namespace aftersales::cli {

namespace {

std::string esc(std::string_view text) { return html_escape(text); }

// Line breaks kept (notes of the archive, work done over several lines).
std::string esc_lines(std::string_view text) {
  std::string out = esc(text);
  std::string::size_type at = 0;
  while ((at = out.find('\n', at)) != std::string::npos) {
    out.replace(at, 1, "<br>");
    at += 4;
  }
  return out;
}

constexpr const char* kStyle = R"(
@page { size: A4; margin: 12mm 14mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC",
  "WenQuanYi Micro Hei", "SimSun", serif; font-size: 10.5pt; color: #000; }
.sheet { position: relative; page-break-after: always; break-after: page; }
.sheet:last-child { page-break-after: auto; break-after: auto; }
@media screen { body { background: #ccc; } .sheet { width: 210mm; min-height: 297mm;
  margin: 8mm auto; padding: 12mm 14mm; background: #fff; } }
.head { display: flex; justify-content: space-between; align-items: flex-start; }
.company { font-size: 13pt; font-weight: bold; }
.company-line { font-size: 9pt; }
.ids { text-align: right; font-size: 9pt; }
.ids .qr { display: block; margin: 0 0 1mm auto; }
.copy { display: inline-block; border: 1px solid #000; padding: 0.5mm 2mm; margin-bottom: 1mm;
  font-weight: bold; }
h1 { text-align: center; font-size: 17pt; letter-spacing: 0.3em; margin: 1mm 0; }
.subtitle { text-align: center; margin-bottom: 2mm; }
h2 { font-size: 11pt; margin: 3mm 0 1mm; }
table { width: 100%; border-collapse: collapse; margin-bottom: 2mm; }
td, th { border: 1px solid #000; padding: 1mm 1.5mm; vertical-align: top; }
th { background: #eee; font-weight: bold; }
td.label { width: 18%; background: #f4f4f4; white-space: nowrap; }
td.value { width: 32%; min-height: 7mm; }
td.wide { height: 10mm; }
tr.blank td { height: 7mm; }
caption { text-align: left; font-weight: bold; padding: 1mm 0; }
.text { margin: 2mm 0; line-height: 1.7; }
.signatures { display: flex; flex-wrap: wrap; gap: 2mm; margin-top: 3mm; }
.signature { flex: 0 0 calc((100% - 4mm) / 3); border: 1px solid #000; padding: 1.5mm 2mm;
  min-height: 22mm; position: relative; }
.signature.with-seal { padding-right: 21mm; }
.signature .title { font-weight: bold; }
.signature .line { margin-top: 1.5mm; }
.signature .line span.fill { display: inline-block; min-width: 28mm;
  border-bottom: 1px solid #000; }
.signature .seal { position: absolute; right: 2mm; top: 2mm; width: 18mm; height: 18mm;
  border: 1px dashed #666; border-radius: 50%; font-size: 8pt; color: #666; text-align: center;
  line-height: 18mm; }
.foot { display: flex; justify-content: space-between; margin-top: 2mm; font-size: 8.5pt;
  break-before: avoid; page-break-before: avoid; }
)";

void field_rows(std::string& out, const std::vector<FormField>& fields) {
  if (fields.empty()) return;
  out += "<table class=\"fields\">";
  bool open = false;  // a row holds two fields, unless a field is wide
  for (const FormField& field : fields) {
    const std::string value = esc_lines(field.value);
    if (field.wide) {
      if (open) out += "<td class=\"label\"></td><td class=\"value\"></td></tr>";
      out += fmt::format(
          "<tr><td class=\"label\">{}</td><td class=\"value wide\" colspan=\"3\">{}</td></tr>",
          esc(field.label), value);
      open = false;
      continue;
    }
    if (!open) out += "<tr>";
    out += fmt::format("<td class=\"label\">{}</td><td class=\"value\">{}</td>", esc(field.label),
                       value);
    if (open) out += "</tr>";
    open = !open;
  }
  if (open) out += "<td class=\"label\"></td><td class=\"value\"></td></tr>";
  out += "</table>";
}

void table_of(std::string& out, const FormTable& table) {
  out += "<table class=\"lines\">";
  if (!table.caption.empty()) out += fmt::format("<caption>{}</caption>", esc(table.caption));
  out += "<tr>";
  for (const std::string& heading : table.headings) out += fmt::format("<th>{}</th>", esc(heading));
  out += "</tr>";
  for (const std::vector<std::string>& row : table.rows) {
    out += "<tr>";
    for (const std::string& cell : row) out += fmt::format("<td>{}</td>", esc_lines(cell));
    out += "</tr>";
  }
  for (int i = 0; i < table.blank_rows; ++i) {
    out += "<tr class=\"blank\">";
    for (std::size_t c = 0; c < table.headings.size(); ++c) out += "<td></td>";
    out += "</tr>";
  }
  out += "</table>";
}

void signature_box(std::string& out, const FormSignature& box) {
  out += fmt::format("<div class=\"signature{}{}\"><div class=\"title\">{}</div>",
                     box.who.empty() ? " unsigned" : " signed", box.seal ? " with-seal" : "",
                     esc(box.title));
  const auto line = [&](const char* label, const std::string& value) {
    out += fmt::format("<div class=\"line\">{}：<span class=\"fill\">{}</span></div>", label,
                       esc(value));
  };
  line("签字", box.who);
  line("日期", box.when);
  if (!box.note.empty()) out += fmt::format("<div class=\"line\">{}</div>", esc(box.note));
  if (box.seal) out += "<div class=\"seal\">（盖章）</div>";
  out += "</div>";
}

void sheet(std::string& out, const PrintedForm& form, const std::string& copy,
           const Rules::Company& company, const FormPageFooter& footer) {
  const FormSpec& spec = *form.spec;
  out += fmt::format("<section class=\"sheet\" data-form=\"{}\">", esc(spec.key));
  out += "<div class=\"head\"><div>";
  out += fmt::format("<div class=\"company\">{}</div>", esc(company.name));
  std::string contact = company.address;
  if (!company.phone.empty())
    contact += (contact.empty() ? "" : "　") + std::string("电话：") + company.phone;
  if (!contact.empty()) out += fmt::format("<div class=\"company-line\">{}</div>", esc(contact));
  out += "</div><div class=\"ids\">";
  if (!copy.empty()) out += fmt::format("<div class=\"copy\">{}</div>", esc(copy));
  if (!form.number.empty()) {
    out += qr_svg(form.number, 22);
    out += fmt::format("<div class=\"number\">{}</div>", esc(form.number));
  }
  out += fmt::format("<div class=\"key\">{}{}</div>", esc(spec.key),
                     spec.code.empty() ? "" : "　" + esc(spec.code));
  out += "</div></div>";
  out += fmt::format("<h1>{}</h1>", esc(spec.title));
  if (!form.subtitle.empty())
    out += fmt::format("<div class=\"subtitle\">{}</div>", esc(form.subtitle));
  for (const FormBlock& block : form.blocks) {
    if (!block.heading.empty()) out += fmt::format("<h2>{}</h2>", esc(block.heading));
    if (!block.text.empty()) out += fmt::format("<p class=\"text\">{}</p>", esc_lines(block.text));
    field_rows(out, block.fields);
    if (block.table) table_of(out, *block.table);
  }
  out += "<div class=\"signatures\">";
  for (const FormSignature& box : form.signatures) signature_box(out, box);
  out += "</div>";
  out += fmt::format("<div class=\"foot\"><span>{}</span><span>打印：{}　{}</span></div>",
                     esc(spec.credit), esc(footer.printed_at), esc(footer.printed_by));
  out += "</section>\n";
}

}  // namespace

std::string form_page(const std::vector<PrintedForm>& forms, const Rules::Company& company,
                      const FormPageFooter& footer) {
  std::string title;
  if (!forms.empty()) {
    title = forms.front().spec->key + " " + forms.front().spec->title;
    if (forms.size() == 1 && !forms.front().number.empty()) title += " " + forms.front().number;
  }
  std::string out = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">";
  out += fmt::format("<title>{}</title><style>{}</style></head><body>\n", esc(title), kStyle);
  for (const PrintedForm& form : forms) {
    if (form.spec->copies.empty()) {
      sheet(out, form, "", company, footer);
    } else {
      for (const std::string& copy : form.spec->copies) sheet(out, form, copy, company, footer);
    }
  }
  out += "</body></html>\n";
  return out;
}

}  // namespace aftersales::cli
