//! The HTML stance report in a real browser: headless Chromium renders the
//! founding scenario, the DNA sample and a year of UN votes; the screenshot
//! must show a drawing (not a blank page) and the DOM the browser built must
//! hold every network node and contradiction card, and no script.
//!
//! Chromium is found through `STANCEGRAPH_CHROMIUM`, else `/usr/bin/chromium`,
//! else `chromium` or `chromium-browser` on `PATH`. Without one the tests
//! print that they were skipped and pass, unless `STANCEGRAPH_REQUIRE_BROWSER`
//! is set (CI sets it): then they fail.

mod common;
use common::{dna_sample, founding};

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{Cursor, Write};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use stancegraph::{
    Scenario,
    io::RollCallVotes,
    render::{DrawnAs, HtmlReport, HtmlReportOptions},
};

/// A browser that runs longer than this is killed and the test fails.
const TIMEOUT: Duration = Duration::from_secs(60);
const WINDOW: (u32, u32) = (1100, 1400);

/// Colours of the network drawing (`src/render/drawing.rs`).
const AGREEMENT: [u8; 3] = [0x1b, 0x78, 0x37];
const CONFLICT: [u8; 3] = [0xb2, 0x18, 0x2b];
const CONTRADICTION: [u8; 3] = [0x76, 0x2a, 0x83];
/// The page's rules and borders (`--rule`), the drawing's frame among them.
const RULE: [u8; 3] = [0xd0, 0xd0, 0xd0];
const MIN_DRAWING_HEIGHT: usize = 300;

/// Not blank: the three reports measure 6.5% to 10% non-white pixels and
/// 3,200 to 4,100 distinct colours; a blank page has 0% and one colour.
const MIN_NON_WHITE_SHARE: f64 = 0.03;
const MIN_DISTINCT_COLOURS: usize = 100;
/// Pixels within 24 per channel of a tie colour inside the drawing's frame:
/// the thinnest case, the founding drawing's one conflict tie and the
/// legend's swatch, measures about 130.
const MIN_COLOUR_PIXELS: usize = 50;

fn un_2019() -> Scenario {
    RollCallVotes::read_csv(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/un_votes_2019.csv"
    ))
    .unwrap()
    .to_scenario(&HashMap::new())
    .unwrap()
}

// ---------------------------------------------------------------------------
// Finding and running Chromium

fn is_executable(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| is_executable(p))
}

/// `STANCEGRAPH_CHROMIUM` (a path, or a name on `PATH`) if set, else the
/// usual places. A variable naming nothing runnable means no browser.
fn find_chromium() -> Option<PathBuf> {
    if let Some(chosen) = std::env::var_os("STANCEGRAPH_CHROMIUM").filter(|v| !v.is_empty()) {
        let chosen = PathBuf::from(chosen);
        return if chosen.components().count() > 1 {
            is_executable(&chosen).then_some(chosen)
        } else {
            chosen.to_str().and_then(on_path)
        };
    }
    let debian = PathBuf::from("/usr/bin/chromium");
    if is_executable(&debian) {
        return Some(debian);
    }
    on_path("chromium").or_else(|| on_path("chromium-browser"))
}

/// The browser, or `None` when the test should be skipped; panics when no
/// browser is found but one is required.
fn chromium(test: &str) -> Option<PathBuf> {
    let found = find_chromium();
    if found.is_none() {
        let why = match std::env::var_os("STANCEGRAPH_CHROMIUM") {
            Some(v) if !v.is_empty() => format!(
                "no chromium: STANCEGRAPH_CHROMIUM={} is not an executable file",
                v.to_string_lossy()
            ),
            _ => "no chromium: neither /usr/bin/chromium nor chromium or chromium-browser on \
                  PATH (set STANCEGRAPH_CHROMIUM to one)"
                .to_owned(),
        };
        if std::env::var_os("STANCEGRAPH_REQUIRE_BROWSER").is_some() {
            panic!(
                "{test}: STANCEGRAPH_REQUIRE_BROWSER is set but found {why}; \
                 install it (Debian: apt-get install chromium)"
            );
        }
        // Straight to stderr: the test harness would swallow `eprintln!`.
        let _ = writeln!(std::io::stderr(), "browser test {test}: skipped: {why}");
    }
    found
}

/// A fresh directory of its own, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(test: &str) -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("stancegraph-browser-{}-{test}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// `file://` address of an absolute path, percent-encoded.
fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for &b in path.to_str().unwrap().as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            url.push(char::from(b));
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

/// A Chromium run in progress, in a process group of its own; killed with
/// its helpers if dropped before it finished (a failed test).
struct Running {
    what: String,
    child: Child,
    stdout: PathBuf,
    started: Instant,
    done: bool,
}

impl Running {
    fn kill(&mut self) {
        let _ = Command::new("kill")
            .args(["-s", "KILL", "--", &format!("-{}", self.child.id())])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.done = true;
    }

    /// Waits for the run to end, at most [`TIMEOUT`] after it started;
    /// returns what it printed on standard output.
    fn finish(mut self) -> String {
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                self.done = true;
                break status;
            }
            if self.started.elapsed() > TIMEOUT {
                self.kill();
                panic!("{} did not finish within {TIMEOUT:?}: killed", self.what);
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        assert!(status.success(), "{} failed: {status}", self.what);
        fs::read_to_string(&self.stdout).unwrap()
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if !self.done {
            self.kill();
        }
    }
}

/// Starts headless Chromium on `page` with `extra` flags and a fresh profile
/// directory of its own.
fn start_chromium(browser: &Path, dir: &Path, run: &str, extra: &str, page: &Path) -> Running {
    let profile = dir.join(format!("profile-{run}"));
    fs::create_dir_all(&profile).unwrap();
    let stdout = dir.join(format!("{run}.stdout"));
    let child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--window-size={},{}", WINDOW.0, WINDOW.1))
        .arg(extra)
        .arg(file_url(page))
        .stdin(Stdio::null())
        .stdout(File::create(&stdout).unwrap())
        .stderr(Stdio::null()) // dbus complaints and the like
        .process_group(0)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", browser.display()));
    Running {
        what: format!("{} {extra}", browser.display()),
        child,
        stdout,
        started: Instant::now(),
        done: false,
    }
}

// ---------------------------------------------------------------------------
// Reading the screenshot

struct Pixels {
    width: u32,
    height: u32,
    rgb: Vec<[u8; 3]>,
}

fn decode_png(bytes: Vec<u8>) -> Pixels {
    let mut decoder = png::Decoder::new(Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let buf = &buf[..info.buffer_size()];
    let rgb: Vec<[u8; 3]> = match info.color_type {
        png::ColorType::Rgb => buf.chunks_exact(3).map(|p| [p[0], p[1], p[2]]).collect(),
        png::ColorType::Rgba => buf.chunks_exact(4).map(|p| [p[0], p[1], p[2]]).collect(),
        png::ColorType::Grayscale => buf.iter().map(|&g| [g, g, g]).collect(),
        png::ColorType::GrayscaleAlpha => buf.chunks_exact(2).map(|p| [p[0], p[0], p[0]]).collect(),
        other => panic!("unexpected PNG colour type {other:?}"),
    };
    assert_eq!(rgb.len(), (info.width * info.height) as usize);
    Pixels {
        width: info.width,
        height: info.height,
        rgb,
    }
}

fn near(p: [u8; 3], colour: [u8; 3], tolerance: u8) -> bool {
    p[0].abs_diff(colour[0]) <= tolerance
        && p[1].abs_diff(colour[1]) <= tolerance
        && p[2].abs_diff(colour[2]) <= tolerance
}

struct Measured {
    /// Share of the pixels that are not white (a channel below 240).
    non_white_share: f64,
    distinct_colours: usize,
    /// The rows the network drawing takes: the topmost vertical run of its
    /// grey frame (`svg.network{border:1px solid var(--rule)}`) at least
    /// [`MIN_DRAWING_HEIGHT`] tall, if any.
    drawing: Option<(usize, usize)>,
    /// Pixels within 24 per channel of each tie colour inside those rows.
    agreement: usize,
    conflict: usize,
    contradiction: usize,
}

impl Measured {
    fn count(&self, colour: [u8; 3]) -> usize {
        match colour {
            AGREEMENT => self.agreement,
            CONFLICT => self.conflict,
            CONTRADICTION => self.contradiction,
            _ => unreachable!(),
        }
    }
}

impl std::fmt::Debug for Measured {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:.2}% non-white, {} colours; drawing rows {:?}: {} green, {} red, {} purple pixels",
            100.0 * self.non_white_share,
            self.distinct_colours,
            self.drawing,
            self.agreement,
            self.conflict,
            self.contradiction
        )
    }
}

fn measure(pixels: &Pixels) -> Measured {
    let w = pixels.width as usize;
    let mut non_white = 0;
    // One bit per 24-bit colour.
    let mut seen = vec![0_u64; 1 << 18];
    // Per column, where its current run of frame grey began.
    let mut run_top: Vec<Option<usize>> = vec![None; w];
    let mut drawing: Option<(usize, usize)> = None;
    let close = |top: usize, end: usize, drawing: &mut Option<(usize, usize)>| {
        if end - top >= MIN_DRAWING_HEIGHT && drawing.is_none_or(|(t, _)| top < t) {
            *drawing = Some((top, end));
        }
    };
    for (y, row) in pixels.rgb.chunks_exact(w).enumerate() {
        for (x, &p) in row.iter().enumerate() {
            if p[0] < 240 || p[1] < 240 || p[2] < 240 {
                non_white += 1;
            }
            let key = usize::from(p[0]) << 16 | usize::from(p[1]) << 8 | usize::from(p[2]);
            seen[key >> 6] |= 1 << (key & 63);
            let grey = near(p, RULE, 8);
            match (grey, run_top[x]) {
                (true, None) => run_top[x] = Some(y),
                (false, Some(top)) => {
                    close(top, y, &mut drawing);
                    run_top[x] = None;
                }
                _ => {}
            }
        }
    }
    let h = pixels.height as usize;
    for top in run_top.into_iter().flatten() {
        close(top, h, &mut drawing);
    }
    let (mut agreement, mut conflict, mut contradiction) = (0, 0, 0);
    let (top, end) = drawing.unwrap_or((0, 0));
    for &p in &pixels.rgb[top * w..end * w] {
        agreement += usize::from(near(p, AGREEMENT, 24));
        conflict += usize::from(near(p, CONFLICT, 24));
        contradiction += usize::from(near(p, CONTRADICTION, 24));
    }
    Measured {
        non_white_share: non_white as f64 / pixels.rgb.len() as f64,
        distinct_colours: seen.iter().map(|b| b.count_ones() as usize).sum(),
        drawing,
        agreement,
        conflict,
        contradiction,
    }
}

// ---------------------------------------------------------------------------
// Reading the DOM

/// The values of every `class="…"` attribute in `html`, split into words.
fn classes(html: &str) -> impl Iterator<Item = Vec<&str>> {
    html.split("class=\"")
        .skip(1)
        .filter_map(|rest| rest.split_once('"'))
        .map(|(value, _)| value.split_whitespace().collect())
}

fn count_class(html: &str, class: &str) -> usize {
    classes(html).filter(|words| words.contains(&class)).count()
}

/// The network drawing in a page: from its `<svg … class="network"` to its
/// `</svg>`.
fn network_svg(html: &str) -> &str {
    let start = html
        .match_indices("<svg")
        .map(|(i, _)| i)
        .find(|&i| {
            let tag = &html[i..i + html[i..].find('>').unwrap()];
            tag.contains("class=\"network\"")
        })
        .expect("no <svg class=\"network\"> in the DOM");
    let end = start + html[start..].find("</svg>").unwrap();
    &html[start..end]
}

fn cards(html: &str) -> usize {
    html.match_indices("<article")
        .filter(|&(i, _)| {
            let tag = &html[i..i + html[i..].find('>').unwrap()];
            classes(tag).any(|words| words.contains(&"card"))
        })
        .count()
}

// ---------------------------------------------------------------------------

struct Expected {
    drawn_as: DrawnAs,
    /// Network nodes; `None` for groups: as many as the report draws, at
    /// least 2 and at most [`HtmlReportOptions::groups`].
    nodes: Option<usize>,
    cards: usize,
    /// Colours the drawing must show (the kinds of tie it has).
    colours: &'static [(&'static str, [u8; 3])],
}

const GREEN: (&str, [u8; 3]) = ("agreement green", AGREEMENT);
const RED: (&str, [u8; 3]) = ("conflict red", CONFLICT);
const PURPLE: (&str, [u8; 3]) = ("contradiction purple", CONTRADICTION);

fn check_in_browser(test: &str, scenario: &Scenario, expected: Expected) {
    let Some(browser) = chromium(test) else {
        return;
    };
    let started = Instant::now();
    let report = HtmlReport::new(scenario).unwrap();
    let dir = TempDir::new(test);
    let page = dir.0.join("report.html");
    let html = report.render_html();
    fs::write(&page, &html).unwrap();

    // Both runs at once: most of their time is the browser starting.
    let shot = dir.0.join("screenshot.png");
    let screenshot = start_chromium(
        &browser,
        &dir.0,
        "screenshot",
        &format!("--screenshot={}", shot.display()),
        &page,
    );
    let dump = start_chromium(&browser, &dir.0, "dump-dom", "--dump-dom", &page);

    // Meanwhile, what the report says it drew.
    assert_eq!(report.drawn_as(), expected.drawn_as, "{test}: drawn as");
    assert_eq!(
        report.contradictions().len(),
        expected.cards,
        "{test}: contradictions"
    );
    // The page inlines the drawing `render_svg` gives (not drawn twice).
    let svg = network_svg(&html);
    let nodes = count_class(svg, "node");
    match expected.nodes {
        Some(n) => assert_eq!(nodes, n, "{test}: nodes drawn"),
        None => assert!(
            (2..=HtmlReportOptions::default().groups).contains(&nodes),
            "{test}: {nodes} groups drawn"
        ),
    }
    let links = count_class(svg, "link");

    screenshot.finish();
    let dom = dump.finish();

    // What a person sees.
    let bytes = fs::read(&shot).unwrap_or_else(|e| {
        panic!(
            "{test}: chromium wrote no screenshot {}: {e}",
            shot.display()
        )
    });
    if test == "founding" {
        let _ = fs::write(std::env::temp_dir().join("browser-founding.png"), &bytes);
    }
    let pixels = decode_png(bytes);
    assert_eq!(
        (pixels.width, pixels.height),
        WINDOW,
        "{test}: screenshot size"
    );
    let m = measure(&pixels);
    eprintln!("{test}: {m:?}");
    assert!(
        m.non_white_share > MIN_NON_WHITE_SHARE,
        "{test}: the page looks blank: {:.2}% non-white pixels",
        100.0 * m.non_white_share
    );
    assert!(
        m.distinct_colours > MIN_DISTINCT_COLOURS,
        "{test}: the page has only {} distinct colours",
        m.distinct_colours
    );
    let Some((top, end)) = m.drawing else {
        panic!("{test}: no drawing: no grey frame {MIN_DRAWING_HEIGHT} px tall in the screenshot")
    };
    for &(name, colour) in expected.colours {
        let n = m.count(colour);
        assert!(
            n >= MIN_COLOUR_PIXELS,
            "{test}: the drawing (rows {top}..{end}) shows {n} pixels of {name}, \
             expected at least {MIN_COLOUR_PIXELS}"
        );
    }

    // What the browser built.
    let drawing = network_svg(&dom);
    assert_eq!(
        count_class(drawing, "node"),
        nodes,
        "{test}: network nodes in the browser's DOM"
    );
    assert_eq!(
        count_class(drawing, "link"),
        links,
        "{test}: ties in the browser's DOM"
    );
    assert_eq!(
        cards(&dom),
        expected.cards,
        "{test}: contradiction cards in the browser's DOM"
    );
    assert!(!dom.contains("<script"), "{test}: the DOM has a script");
    eprintln!(
        "{test}: {nodes} nodes, {links} ties, {} cards; checked in Chromium in {:.2?}",
        expected.cards,
        started.elapsed()
    );
}

// The slowest first (libtest starts tests in name order).

#[test]
fn chromium_shows_193_un_members_as_groups() {
    let scenario = un_2019();
    assert_eq!(scenario.actors().len(), 193);
    check_in_browser(
        "un",
        &scenario,
        Expected {
            drawn_as: DrawnAs::Groups,
            nodes: None,
            cards: 0,
            colours: &[GREEN, RED],
        },
    );
}

#[test]
fn chromium_shows_dna_sample() {
    check_in_browser(
        "dna",
        &dna_sample(),
        Expected {
            drawn_as: DrawnAs::Actors,
            nodes: Some(14),
            cards: 1,
            colours: &[GREEN, RED],
        },
    );
}

#[test]
fn chromium_shows_founding_scenario() {
    check_in_browser(
        "founding",
        &founding(),
        Expected {
            drawn_as: DrawnAs::Actors,
            nodes: Some(17),
            cards: 4,
            colours: &[GREEN, RED, PURPLE],
        },
    );
}
