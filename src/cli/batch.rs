//! `batch`: many seeded runs of a scenario on every core, and the distribution of outcomes.

use std::fmt::Write as _;
use std::path::PathBuf;

use demarche::batch::{BatchError, Plan, Share, Summary, run};
use demarche::session::{Mode, Start, commands_from};
use demarche::shipped::Loader;

/// `batch`'s arguments.
#[derive(clap::Args, Debug)]
pub struct BatchArgs {
    /// A shipped scenario name (deptcirtel-47) or a file path.
    pub scenario: String,
    /// How many games to play.
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
    pub runs: u64,
    /// Worker threads; 0, the default, is one per core. The output does not depend on it.
    #[arg(long, default_value_t = 0)]
    pub jobs: usize,
    /// The seed of the first run; run i uses seed + i (as `simulate --seed` would).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Play the player's role by the same rules as the non-player missions.
    #[arg(long)]
    pub auto: bool,
    /// Follow the record: documented votes, and the decisions really taken.
    #[arg(long, conflicts_with_all = ["commands", "auto"])]
    pub historical: bool,
    /// A RON file with a list of dated commands for the player, given in every run.
    #[arg(long, conflicts_with = "auto")]
    pub commands: Option<PathBuf>,
    /// The role: a post id (caracas) or `department`. Default: the scenario's.
    #[arg(long = "as")]
    pub role: Option<String>,
    #[arg(long, value_enum, default_value_t)]
    pub format: BatchFormat,
    /// Allow the instructor's commands (Instruct(...)) in the --commands file: a what-if such
    /// as "had Mexico's stance been +0.2 on 13 July".
    #[arg(long)]
    pub instructor: bool,
}

/// How `batch` prints its summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum BatchFormat {
    /// Aligned tables.
    #[default]
    Text,
    Json,
    /// One row per ending and per government's cast in each vote.
    Csv,
}

/// Runs the batch and renders its summary.
pub fn batch(loader: &Loader, args: &BatchArgs) -> Result<String, BatchError> {
    let mode = Mode::of(args.auto, args.historical);
    let start = Start {
        scenario: args.scenario.clone(),
        seed: args.seed,
        role: args.role.clone(),
        mode,
        instructor: args.instructor,
    };
    let commands = commands_from(args.commands.as_deref())?;
    let (scenario, plan) = Plan::new(loader, &start, args.runs, commands)?;
    let bar = indicatif::ProgressBar::new(args.runs);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} runs, {per_sec}, {eta} left")
    {
        bar.set_style(style);
    }
    let results = run(&scenario, &plan, args.jobs, &|| bar.inc(1));
    bar.finish_and_clear();
    let mode = match mode {
        Mode::Player if args.commands.is_some() => "commands",
        Mode::Player => "player's defaults",
        Mode::Auto => "auto",
        Mode::Historical => "historical",
    };
    let summary = Summary::of(&scenario, &plan, mode, &results?);
    Ok(match args.format {
        BatchFormat::Text => text(&summary),
        BatchFormat::Json => serde_json::to_string_pretty(&summary)? + "\n",
        BatchFormat::Csv => csv(&summary),
    })
}

fn percent(x: f64) -> String {
    format!("{:.1}%", 100.0 * x)
}

fn interval(s: &Share) -> String {
    format!("[{}, {}]", percent(s.low), percent(s.high))
}

/// Columns padded to their widest cell; the first left-aligned, the others right-aligned.
fn table(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|cell| cell.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::from("  ");
        for (c, cell) in row.iter().enumerate() {
            let pad = widths[c] - cell.chars().count();
            if c == 0 {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            } else {
                line.push_str("  ");
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn text(s: &Summary) -> String {
    let mut out = String::new();
    let last = s.first_seed + (s.runs - 1);
    let _ = writeln!(
        out,
        "{} ({}): {} runs, seeds {}..={}, {}",
        s.scenario, s.title, s.runs, s.first_seed, last, s.mode
    );
    out.push_str("\nEndings (share of runs, 95% interval)\n");
    let mut rows = vec![vec![
        "ending".to_string(),
        "runs".into(),
        "share".into(),
        "95% interval".into(),
    ]];
    for e in &s.endings {
        rows.push(vec![
            format!("{}: {}", e.id, e.title),
            e.share.count.to_string(),
            percent(e.share.share),
            interval(&e.share),
        ]);
    }
    out.push_str(&table(&rows));
    for v in &s.votes {
        let _ = writeln!(out, "\nVote {}: {}", v.id, v.title);
        let _ = writeln!(
            out,
            "  held in {} of {} runs; passed in {} of them ({} {})",
            v.held.count,
            s.runs,
            v.passed.count,
            percent(v.passed.share),
            interval(&v.passed)
        );
        if v.governments.is_empty() {
            continue;
        }
        let mut rows = vec![
            ["government", "yes", "no", "abstain", "absent", "excluded"]
                .map(String::from)
                .to_vec(),
        ];
        for g in &v.governments {
            let mut row = vec![g.id.clone()];
            row.extend(
                [&g.yes, &g.no, &g.abstain, &g.absent, &g.excluded].map(|c| percent(c.share)),
            );
            rows.push(row);
        }
        out.push_str(&table(&rows));
    }
    if let Some(first) = &s.refused.first {
        let _ = writeln!(
            out,
            "\nA command was refused in {} of {} runs; the first: {first}",
            s.refused.runs, s.runs
        );
    }
    out
}

/// Quotes a CSV field when it needs it.
fn field(x: &str) -> String {
    if x.contains([',', '"', '\n']) {
        format!("\"{}\"", x.replace('"', "\"\""))
    } else {
        x.to_string()
    }
}

fn csv(s: &Summary) -> String {
    let mut out = String::from("kind,vote,government,outcome,count,of,share,low,high\n");
    let mut row = |kind: &str, vote: &str, gov: &str, outcome: &str, sh: &Share| {
        let _ = writeln!(
            out,
            "{kind},{},{},{},{},{},{:.6},{:.6},{:.6}",
            field(vote),
            field(gov),
            field(outcome),
            sh.count,
            sh.of,
            sh.share,
            sh.low,
            sh.high
        );
    };
    for e in &s.endings {
        row("ending", "", "", &e.id, &e.share);
    }
    for v in &s.votes {
        row("held", &v.id, "", "", &v.held);
        row("passed", &v.id, "", "", &v.passed);
        for g in &v.governments {
            for (name, sh) in [
                ("yes", &g.yes),
                ("no", &g.no),
                ("abstain", &g.abstain),
                ("absent", &g.absent),
                ("excluded", &g.excluded),
            ] {
                row("cast", &v.id, &g.id, name, sh);
            }
        }
    }
    out
}
