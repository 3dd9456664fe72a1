//! `demarche serve`: a class in the browser. Starts (or resumes) the class, prints where
//! students and the instructor go and their codes, and serves until stopped.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;

use demarche::class::{Class, ClassStart};
use demarche::shipped::Loader;

#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    /// A shipped scenario name (deptcirtel-47), a mod's name or a file path.
    #[arg(default_value = "deptcirtel-47", conflicts_with = "resume")]
    pub scenario: String,
    #[arg(long, default_value_t = 8047)]
    pub port: u16,
    /// The address to listen on. The default, 127.0.0.1, lets only this computer in; to
    /// open the class to the classroom's network, give 0.0.0.0.
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    pub bind: IpAddr,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The posts students play, by id (caracas,bogota). Default: every playable post.
    #[arg(long, value_delimiter = ',')]
    pub posts: Option<Vec<String>>,
    /// A student plays the Department (otherwise the rules do).
    #[arg(long)]
    pub department: bool,
    /// Where the class's log goes. Default: a new file under the data directory's classes/.
    #[arg(long, value_name = "FILE", conflicts_with = "resume")]
    pub log: Option<PathBuf>,
    /// Continue a class from its log: the file named, or the newest in the data directory.
    #[arg(long, value_name = "FILE", num_args = 0..=1)]
    pub resume: Option<Option<PathBuf>>,
}

pub fn serve(loader: &Loader, args: ServeArgs) -> ExitCode {
    let loader = loader.clone();
    let data = demarche::paths::data_dir();
    let make: Box<dyn FnOnce() -> Result<Class, demarche::class::ClassError> + Send> = match &args
        .resume
    {
        Some(named) => {
            let path = match named.clone().or_else(|| {
                data.as_deref()
                    .and_then(|d| demarche::class::log::newest_in(&d.join("classes")))
            }) {
                Some(p) => p,
                None => {
                    eprintln!(
                        "no class log to resume in the data directory; name one: demarche serve --resume FILE"
                    );
                    return ExitCode::FAILURE;
                }
            };
            Box::new(move || Class::resume(&loader, &path))
        }
        None => {
            let start = ClassStart {
                scenario: args.scenario.clone(),
                seed: args.seed,
                posts: args.posts.clone(),
                department: args.department,
            };
            let path = match args.log.clone() {
                Some(p) => p,
                None => {
                    let id = match demarche::session::load(&loader, &start.scenario) {
                        Ok(l) => l.scenario.id.clone(),
                        Err(e) => {
                            eprintln!("{e}");
                            return ExitCode::FAILURE;
                        }
                    };
                    let Some(dir) = data.as_deref() else {
                        eprintln!(
                            "this system names no data directory for the class's log; give one with --log FILE"
                        );
                        return ExitCode::FAILURE;
                    };
                    match demarche::class::default_log(dir, &id) {
                        Ok(p) => p,
                        Err(e) => {
                            eprintln!("{e}");
                            return ExitCode::FAILURE;
                        }
                    }
                }
            };
            Box::new(move || Class::start(&loader, &start, &path))
        }
    };
    let server = match demarche::serve::start(make, SocketAddr::new(args.bind, args.port)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let url = format!("http://{}", server.addr);
    println!(
        "Démarche class: {} ({} posts)",
        server.title, server.students
    );
    println!(
        "  students open   {url}/   class code {}",
        server.class_code
    );
    println!(
        "  instructor      {url}/console   instructor code {}",
        server.instructor_code
    );
    println!("  projector       {url}/projector");
    println!(
        "  class log       {}   (after a stop: demarche serve --resume {})",
        server.log.display(),
        server.log.display()
    );
    if server.addr.ip().is_loopback() {
        println!(
            "Only this computer can connect. To open the class to the classroom's network: demarche serve --bind 0.0.0.0 (students then open http://<this computer's address>:{}/)",
            server.addr.port()
        );
    }
    use std::io::Write;
    let _ = std::io::stdout().flush();
    server.wait();
    ExitCode::SUCCESS
}
