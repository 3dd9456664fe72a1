//! A report written once and rendered twice: as Markdown and as a self-contained HTML page.

/// A table row; a strong row is the player's own.
pub struct Row {
    pub cells: Vec<String>,
    pub strong: bool,
}

impl Row {
    pub fn new(cells: Vec<String>) -> Self {
        Row {
            cells,
            strong: false,
        }
    }
}

/// What a report is made of.
pub trait Doc {
    fn heading(&mut self, level: u8, text: &str);
    fn para(&mut self, text: &str);
    fn list(&mut self, items: &[String], ordered: bool);
    fn table(&mut self, headers: &[&str], rows: &[Row]);
    /// Fixed-width text: a cable as it came off the teleprinter.
    fn pre(&mut self, text: &str);
    /// A chart: `name` names its file beside a Markdown report.
    fn figure(&mut self, name: &str, caption: &str, svg: &str);
}

/// Markdown. Charts go to files beside the report (when it has a file), linked by name.
pub struct Markdown {
    pub out: String,
    /// The file-name stem the charts are written under, if the report is written to a file.
    pub stem: Option<String>,
    pub files: Vec<(String, String)>,
}

fn md_escape(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

impl Doc for Markdown {
    fn heading(&mut self, level: u8, text: &str) {
        self.out
            .push_str(&format!("{} {text}\n\n", "#".repeat(level as usize)));
    }
    fn para(&mut self, text: &str) {
        self.out.push_str(text.trim());
        self.out.push_str("\n\n");
    }
    fn list(&mut self, items: &[String], ordered: bool) {
        for (i, item) in items.iter().enumerate() {
            if ordered {
                self.out.push_str(&format!("{}. {item}\n", i + 1));
            } else {
                self.out.push_str(&format!("- {item}\n"));
            }
        }
        self.out.push('\n');
    }
    fn table(&mut self, headers: &[&str], rows: &[Row]) {
        self.out.push_str(&format!("| {} |\n", headers.join(" | ")));
        self.out
            .push_str(&format!("|{}\n", " --- |".repeat(headers.len())));
        for row in rows {
            let cells: Vec<String> = row
                .cells
                .iter()
                .map(|c| match (row.strong, c.is_empty()) {
                    (true, false) => format!("**{}**", md_escape(c)),
                    _ => md_escape(c),
                })
                .collect();
            self.out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
        self.out.push('\n');
    }
    fn pre(&mut self, text: &str) {
        // A fence longer than any run of backticks in the text: a student's reply cannot
        // close it and put markup in the report.
        let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
        let fence = "`".repeat(longest.max(2) + 1);
        self.out
            .push_str(&format!("{fence}text\n{}\n{fence}\n\n", text.trim_end()));
    }
    fn figure(&mut self, name: &str, caption: &str, svg: &str) {
        match &self.stem {
            Some(stem) => {
                let file = format!("{stem}-{name}.svg");
                self.out.push_str(&format!("![{caption}]({file})\n\n*{caption}*\n\n"));
                self.files.push((file, svg.to_string()));
            }
            None => self.out.push_str(&format!(
                "*{caption}: chart not included on standard output; write the report with `--out FILE` to get it beside the file, or use `--format html`.*\n\n"
            )),
        }
    }
}

/// One HTML page, charts inline, readable offline and printable.
pub struct Html {
    pub out: String,
}

pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

impl Doc for Html {
    fn heading(&mut self, level: u8, text: &str) {
        self.out
            .push_str(&format!("<h{level}>{}</h{level}>\n", html_escape(text)));
    }
    fn para(&mut self, text: &str) {
        for p in text.trim().split("\n\n") {
            self.out.push_str(&format!("<p>{}</p>\n", html_escape(p)));
        }
    }
    fn list(&mut self, items: &[String], ordered: bool) {
        let tag = if ordered { "ol" } else { "ul" };
        self.out.push_str(&format!("<{tag}>\n"));
        for item in items {
            self.out
                .push_str(&format!("<li>{}</li>\n", html_escape(item)));
        }
        self.out.push_str(&format!("</{tag}>\n"));
    }
    fn table(&mut self, headers: &[&str], rows: &[Row]) {
        self.out.push_str("<table>\n<thead><tr>");
        for h in headers {
            self.out.push_str(&format!("<th>{}</th>", html_escape(h)));
        }
        self.out.push_str("</tr></thead>\n<tbody>\n");
        for row in rows {
            self.out.push_str(if row.strong {
                "<tr class=\"mine\">"
            } else {
                "<tr>"
            });
            for c in &row.cells {
                self.out.push_str(&format!("<td>{}</td>", html_escape(c)));
            }
            self.out.push_str("</tr>\n");
        }
        self.out.push_str("</tbody>\n</table>\n");
    }
    fn pre(&mut self, text: &str) {
        self.out.push_str(&format!(
            "<pre class=\"cable\">{}</pre>\n",
            html_escape(text.trim_end())
        ));
    }
    fn figure(&mut self, _name: &str, caption: &str, svg: &str) {
        self.out.push_str(&format!(
            "<figure>\n{svg}\n<figcaption>{}</figcaption>\n</figure>\n",
            html_escape(caption)
        ));
    }
}

pub const STYLE: &str = "
body { font-family: Georgia, 'DejaVu Serif', serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; line-height: 1.45; }
h1 { font-size: 1.8rem; border-bottom: 2px solid #333; padding-bottom: .3rem; }
h2 { font-size: 1.35rem; margin-top: 2.2rem; border-bottom: 1px solid #bbb; }
h3 { font-size: 1.05rem; margin-top: 1.4rem; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; margin: .6rem 0 1rem; }
th, td { border: 1px solid #ccc; padding: .2rem .45rem; text-align: left; vertical-align: top; }
th { background: #eee; }
td { overflow-wrap: break-word; }
/* First columns are short (dates, names, tallies); they stay on one line. */
td:first-child { white-space: nowrap; }
tr.mine td { background: #fff4cc; font-weight: bold; }
pre.cable { font-family: 'DejaVu Sans Mono', 'Courier New', monospace; font-size: .78rem; background: #fbfaf4; border: 1px solid #ddd; padding: .7rem; overflow-x: auto; }
figure { margin: 1rem 0; text-align: center; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-style: italic; font-size: .85rem; }
@media print { pre.cable, figure, table { break-inside: avoid; } }
";
