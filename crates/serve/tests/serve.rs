//! End-to-end tests of `attache serve`: the API on a store of coded articles, safety (methods,
//! escaping, random query strings), and the dashboard in headless Chromium (skipped when no
//! Chromium is installed).

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use attache_coder::Engine;
use attache_model::Document;
use attache_store::{EventStore, Store};

const SCRIPT: &str = "<script>alert(1)</script>";

fn articles() -> Vec<Document> {
    let doc = |id: &str, url: Option<&str>, published: &str, text: &str| Document {
        id: id.into(),
        url: url.map(str::to_string),
        published: Some(published.into()),
        text: text.into(),
        ..Document::default()
    };
    vec![
        doc(
            "jp-vn-talks",
            Some("https://news.example.com/jp-vn-talks"),
            "2024-03-05",
            "Japanese Foreign Minister Kamikawa Yoko held talks with Vietnamese Foreign Minister Bui Thanh Son in \
             Hanoi on 5 March 2024. The two ministers agreed to deepen defence cooperation.",
        ),
        doc(
            "jp-vn-later",
            Some("https://daily.example.org/jp-vn-later"),
            "2024-06-12",
            "Japan criticised Vietnam on 11 June 2024 over fishing rights. Vietnamese Prime Minister Pham Minh Chinh \
             visited Tokyo on 20 May 2024.",
        ),
        doc(
            "xss/article",
            Some("javascript:alert(2)"),
            "2024-04-02",
            &format!("Japan signed an agreement with Vietnam on 1 April 2024. {SCRIPT}"),
        ),
        doc(
            "ru-ua",
            None,
            "2023-05-11",
            "Russian troops attacked Ukraine on 10 May 2023. China condemned Japan on 3 May 2023.",
        ),
        doc("vi-hoi-dam", None, "2024-04-15", include_str!("../../../examples/vi-hoi-dam-ha-noi.txt")),
        doc("zh-beijing", None, "2024-05-20", "日本外相与越南外长于5月20日在北京举行会谈。"),
    ]
}

/// A store of the test articles, served once for every test of this file.
fn server() -> SocketAddr {
    static ADDR: OnceLock<SocketAddr> = OnceLock::new();
    *ADDR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("attache-serve-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let db = dir.join("events.db");
        let engine = Engine::load(&attache_langdata::DataSource::embedded()).expect("packs load");
        let docs = articles();
        let coded: Vec<_> = docs.iter().map(|d| engine.code(d)).collect();
        let batch: Vec<_> = docs.iter().zip(&coded).collect();
        let mut store = Store::open(&db).expect("store opens");
        store.ingest_batch(&batch).expect("ingest");
        assert!(store.counts().expect("counts").events > 5);
        drop(store);
        attache_serve::spawn(&db, "127.0.0.1:0".parse().expect("addr")).expect("server starts")
    })
}

struct Reply {
    status: u16,
    head: String,
    body: String,
}

fn request(method: &str, path: &str) -> Reply {
    let mut s = TcpStream::connect(server()).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(30))).expect("timeout");
    write!(s, "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").expect("send");
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("read");
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    Reply { status, head: head.to_lowercase(), body: body.to_string() }
}

fn get_json(path: &str) -> serde_json::Value {
    let r = request("GET", path);
    assert_eq!(r.status, 200, "{path}: {}", r.body);
    assert!(r.head.contains("content-type: application/json"), "{path}");
    serde_json::from_str(&r.body).expect("JSON")
}

#[test]
fn api_answers_every_endpoint() {
    let stats = get_json("/api/stats");
    assert!(stats["events"].as_i64().unwrap_or(0) > 5);

    let page = get_json("/api/events?pair=JPN,VNM&limit=2");
    let events = page["events"].as_array().expect("events");
    assert_eq!(events.len(), 2);
    assert_eq!(page["more"], true);
    assert_eq!(events[0]["source_names"][0], "Japan");
    let id = events[0]["id"].as_i64().expect("id");
    let next = get_json("/api/events?pair=JPN,VNM&limit=2&offset=2");
    assert_ne!(next["events"][0]["id"].as_i64(), Some(id));
    for q in [
        "actor=UKR",
        "source=RUS",
        "target=UKR",
        "person=Kamikawa",
        "cameo=19",
        "root=19",
        "quad=4",
        "plover=ASSAULT",
        "from=2023-05&to=2023-05-31",
        "lang=en",
        "text=troops",
    ] {
        let v = get_json(&format!("/api/events?{q}"));
        assert!(!v["events"].as_array().expect("events").is_empty(), "{q} finds events");
    }
    let v = get_json("/api/events?lang=vi&pair=VNM,JPN");
    assert!(!v["events"].as_array().expect("events").is_empty());

    let one = get_json(&format!("/api/events/{id}"));
    let m = &one["mentions"][0];
    assert!(m["evidence"].as_str().unwrap_or("").contains("Kamikawa"));
    assert_eq!(m["doc_url"], "https://news.example.com/jp-vn-talks");
    assert!(m["after"].as_str().unwrap_or("").contains("defence cooperation"));
    assert_eq!(request("GET", "/api/events/999999").status, 404);
    assert_eq!(request("GET", "/api/events/abc").status, 400);

    let actors = get_json("/api/actors");
    let jpn = actors["actors"].as_array().and_then(|a| a.iter().find(|x| x["code"] == "JPN")).cloned();
    assert_eq!(jpn.as_ref().map(|j| &j["name"]), Some(&serde_json::json!("Japan")));

    let docs = get_json("/api/documents");
    assert_eq!(docs["documents"].as_array().map(Vec::len), Some(6));
    let d = get_json("/api/documents/xss/article");
    let marked: Vec<_> =
        d["segments"].as_array().expect("segments").iter().filter(|s| s["events"] != serde_json::json!([])).collect();
    assert!(!marked.is_empty());
    assert_eq!(request("GET", "/api/documents/nope").status, 404);
    let found = get_json("/api/documents?q=fishing");
    assert_eq!(found["documents"][0]["id"], "jp-vn-later");
    // a two-character Chinese word is below the trigram index: the document text is read
    let beijing = get_json("/api/documents?q=%E5%8C%97%E4%BA%AC");
    assert_eq!(beijing["documents"][0]["id"], "zh-beijing", "{beijing}");

    let series = get_json("/api/series?pair=JPN,VNM&interval=month");
    let buckets = series["buckets"].as_array().expect("buckets");
    let march = buckets.iter().find(|b| b["period"] == "2024-03").expect("March");
    assert!(march["quad"][0].as_i64().unwrap_or(0) >= 1);
    assert_eq!(series["pair_names"], serde_json::json!(["Japan", "Vietnam"]));
    for interval in ["day", "week"] {
        let s = get_json(&format!("/api/series?pair=JPN,VNM&interval={interval}"));
        assert!(!s["buckets"].as_array().expect("buckets").is_empty());
    }
    let june = get_json("/api/series?pair=JPN,VNM&interval=week&from=2024-06");
    assert_eq!(june["buckets"][0]["period"], "2024-06-10");
    assert_eq!(june["buckets"][0]["quad"], serde_json::json!([0, 0, 1, 0]));
    assert_eq!(request("GET", "/api/series?interval=year").status, 400);

    let pairs = get_json("/api/pairs?limit=5");
    assert_eq!(
        (&pairs["pairs"][0]["a"], &pairs["pairs"][0]["b"]),
        (&serde_json::json!("JPN"), &serde_json::json!("VNM"))
    );

    let s = get_json("/api/search?q=fishing%20rights");
    assert_eq!(s["events"][0]["cameo"], "111");
    assert_eq!(request("GET", "/api/search").status, 400);
}

#[test]
fn openapi_describes_every_endpoint() {
    let spec = get_json("/api/openapi.json");
    assert_eq!(spec["openapi"], "3.1.0");
    let paths = spec["paths"].as_object().expect("paths");
    for p in [
        "/api/events",
        "/api/events/{id}",
        "/api/actors",
        "/api/documents",
        "/api/documents/{id}",
        "/api/series",
        "/api/pairs",
        "/api/search",
        "/api/stats",
        "/api/openapi.json",
    ] {
        assert!(paths.contains_key(p), "{p} described");
    }
    let events = serde_json::to_string(&paths["/api/events"]).unwrap_or_default();
    for f in [
        "actor", "pair", "source", "target", "person", "cameo", "root", "quad", "plover", "from", "to", "lang", "text",
        "limit", "offset",
    ] {
        assert!(events.contains(&format!("\"name\":\"{f}\"")), "filter {f} described");
    }
}

#[test]
fn read_only_and_escaped() {
    for m in ["POST", "PUT", "DELETE", "PATCH"] {
        for p in ["/api/events", "/", "/api/nothing"] {
            let r = request(m, p);
            assert_eq!(r.status, 405, "{m} {p}");
            assert!(r.head.contains("allow: get, head"));
        }
    }
    assert_eq!(request("HEAD", "/api/stats").status, 200);
    assert_eq!(request("GET", "/nothing").status, 404);
    let long = format!("/api/events?text={}", "a".repeat(10_000));
    assert_eq!(request("GET", &long).status, 414);
    // a body is refused
    let mut s = TcpStream::connect(server()).expect("connect");
    write!(s, "GET /api/stats HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello")
        .expect("send");
    let mut raw = String::new();
    let _ = s.read_to_string(&mut raw);
    assert!(raw.starts_with("HTTP/1.1 413"), "{raw}");

    let home = request("GET", "/");
    assert!(home.head.contains("content-security-policy: default-src 'self'"));
    assert!(home.head.contains("x-content-type-options: nosniff"));
    // the article's markup never reaches a body unescaped
    let xss = get_json("/api/search?q=agreement");
    assert!(!xss["events"].as_array().expect("events").is_empty());
    for p in ["/api/search?q=agreement", "/api/documents/xss/article", "/api/events?text=agreement", "/", "/app.js"] {
        let r = request("GET", p);
        assert_eq!(r.status, 200, "{p}");
        assert!(!r.body.contains(SCRIPT), "{p} holds the script unescaped");
        assert!(!r.body.contains("<script>alert"), "{p}");
    }
    let d = get_json("/api/documents/xss/article");
    assert!(d["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .any(|s| s["text"].as_str().unwrap_or("").contains(SCRIPT)));
    // the dashboard builds its nodes with textContent only
    let js = request("GET", "/app.js").body;
    assert!(!js.contains("innerHTML") && !js.contains("outerHTML") && !js.contains("insertAdjacentHTML"));
    assert!(!js.contains("document.write"));
}

/// A tiny deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

fn random_value(r: &mut Rng) -> String {
    match r.below(6) {
        0 => {
            let n = r.below(40);
            (0..n).map(|_| format!("%{:02X}", r.below(256))).collect()
        }
        1 => {
            let n = r.below(20);
            let set = b"azAZ09-,%+&=;_.:'\"()*~!";
            (0..n).map(|_| char::from(set[r.below(set.len())])).collect()
        }
        2 => r
            .pick(&[
                "JPN,VNM",
                "JPN",
                ",",
                "JPN,",
                ",VNM",
                "A,B,C",
                "2024",
                "2024-02-30",
                "2024-13-01",
                "-1",
                "18446744073709551616",
                "99999999999",
                "0",
                "4",
                "5",
                "%00",
                "%E3%81%82%E3%81%84%E3%81%86",
                "%22%2A%22",
                "NEAR(a b)",
                "a OR b",
                "\"",
                "%25",
                "_",
                "*",
                "day",
                "week",
                "year",
            ])
            .to_string(),
        3 => r.below(1_000_000).to_string(),
        4 => String::new(),
        _ => "x".repeat(r.below(600)),
    }
}

#[test]
fn random_query_strings_never_break_the_server() {
    let paths = [
        "/api/events",
        "/api/events/",
        "/api/actors",
        "/api/documents",
        "/api/documents/",
        "/api/series",
        "/api/pairs",
        "/api/search",
        "/api/stats",
        "/api/openapi.json",
        "/",
    ];
    let keys = [
        "actor", "pair", "source", "target", "person", "cameo", "root", "quad", "plover", "from", "to", "lang", "text",
        "limit", "offset", "q", "interval", "id", "%00", "", "x%FFy",
    ];
    let mut r = Rng(0x9e37_79b9_7f4a_7c15);
    for i in 0..1500 {
        let mut path = r.pick(&paths).to_string();
        if path.ends_with('/') && path.len() > 1 {
            path.push_str(&random_value(&mut r).replace('/', "%2F"));
        }
        let n = r.below(5);
        let query: Vec<String> = (0..n)
            .map(|_| {
                let k = if r.below(4) == 0 { random_value(&mut r) } else { r.pick(&keys).to_string() };
                format!("{k}={}", random_value(&mut r))
            })
            .collect();
        if !query.is_empty() {
            path = format!("{path}?{}", query.join("&"));
        }
        // the request line must stay a valid one: no spaces or control bytes
        let path: String = path.chars().map(|c| if c.is_ascii_graphic() { c } else { '_' }).collect();
        let reply = request("GET", &path);
        assert!(
            matches!(reply.status, 200 | 400 | 404 | 414),
            "request {i}: GET {path} -> {}: {}",
            reply.status,
            reply.body
        );
    }
    assert_eq!(request("GET", "/api/stats").status, 200, "the server is still up");
}

fn find_chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// Run headless Chromium on `url` with `args`; its standard output (the DOM with --dump-dom).
fn chromium(bin: &Path, url: &str, args: &[&str]) -> String {
    let profile = std::env::temp_dir().join(format!("attache-serve-chromium-{}-{}", std::process::id(), args.len()));
    let out_path = profile.with_extension("out");
    let out = std::fs::File::create(&out_path).expect("output file");
    let mut child = Command::new(bin)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000", "--no-first-run"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(url)
        .stdout(out)
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let started = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            panic!("chromium did not finish on {url}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = std::fs::remove_dir_all(&profile);
    std::fs::read_to_string(&out_path).unwrap_or_default()
}

/// `target/<profile>` of this build, for the screenshot.
fn target_dir() -> PathBuf {
    std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().and_then(Path::parent).map(Path::to_path_buf))
        .unwrap_or_else(std::env::temp_dir)
}

#[test]
fn dashboard_in_headless_chromium() {
    let Some(bin) = find_chromium() else {
        eprintln!("SKIPPED dashboard_in_headless_chromium: no chromium binary on PATH (apt-get install chromium)");
        return;
    };
    let base = format!("http://{}", server());

    let home = chromium(&bin, &format!("{base}/#/?pair=JPN,VNM&interval=month"), &["--dump-dom"]);
    assert!(home.contains("data-ready=\"1\""), "the page finished: {home}");
    assert!(home.contains("id=\"timeline\""), "timeline drawn");
    assert!(home.contains("class=\"bar q1\""), "cooperation bars drawn");
    assert!(home.contains("class=\"bar q3\""), "conflict bars drawn");
    assert!(home.contains("id=\"network\""), "network drawn");
    assert!(home.contains("data-code=\"JPN\"") && home.contains("data-code=\"VNM\""), "network nodes");
    assert!(home.contains("class=\"edge"), "network edges");
    assert!(home.contains("class=\"event-row\""), "event list");
    assert!(home.contains("Japan – Vietnam"), "names shown readably");
    assert!(!home.contains(SCRIPT));

    let page = get_json("/api/events?pair=JPN,VNM&cameo=046&from=2024-03&to=2024-03");
    let id = page["events"][0]["id"].as_i64().expect("a JPN-VNM consultation");
    let event = chromium(&bin, &format!("{base}/#event/{id}"), &["--dump-dom"]);
    assert!(event.contains("id=\"event-detail\""), "event view: {event}");
    assert!(event.contains("<mark class=\"evidence\">Japanese Foreign Minister Kamikawa Yoko held talks"), "evidence");
    assert!(event.contains("href=\"https://news.example.com/jp-vn-talks\""), "source link");

    let vi = get_json("/api/events?lang=vi&pair=VNM,JPN&limit=1");
    let vid = vi["events"][0]["id"].as_i64().expect("a Vietnamese event");
    let vi_page = chromium(&bin, &format!("{base}/#event/{vid}"), &["--dump-dom"]);
    assert!(vi_page.contains("lang=\"vi\""), "evidence in its original language");

    let xss = get_json("/api/events?text=agreement");
    let xid = xss["events"][0]["id"].as_i64().expect("the agreement");
    let xpage = chromium(&bin, &format!("{base}/#event/{xid}"), &["--dump-dom"]);
    assert!(xpage.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text");
    assert!(!xpage.contains(SCRIPT), "never as markup");
    assert!(!xpage.contains("href=\"javascript:"), "no javascript: link");
    let doc = chromium(&bin, &format!("{base}/#doc/xss%2Farticle"), &["--dump-dom"]);
    assert!(doc.contains("id=\"doc-text\"") && doc.contains("<mark class=\"ev q1\""), "events marked inline: {doc}");
    assert!(!doc.contains(SCRIPT));

    let shot = target_dir().join("serve-dashboard.png");
    let _ = std::fs::remove_file(&shot);
    let arg = format!("--screenshot={}", shot.display());
    chromium(&bin, &format!("{base}/#/?pair=JPN,VNM"), &[&arg, "--window-size=1280,900"]);
    let size = std::fs::metadata(&shot).map(|m| m.len()).unwrap_or(0);
    assert!(size > 10_000, "screenshot saved at {}", shot.display());
    eprintln!("screenshot: {}", shot.display());
}
