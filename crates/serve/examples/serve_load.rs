//! Load generator for `attache serve` (see `scripts/bench-serve.sh`): for each path, CONNS
//! keep-alive connections send requests back to back for SECONDS; prints per-path latency
//! percentiles and throughput as a table, or JSON lines with `--json`.
//!
//! `serve_load ADDR CONNS SECONDS PATH... [--json]`

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// One request on a keep-alive connection; returns the status.
fn get(stream: &mut BufReader<TcpStream>, path: &str) -> std::io::Result<u16> {
    write!(stream.get_mut(), "GET {path} HTTP/1.1\r\nHost: bench\r\n\r\n")?;
    let mut line = String::new();
    stream.read_line(&mut line)?;
    let status = line.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let mut length = 0usize;
    loop {
        line.clear();
        stream.read_line(&mut line)?;
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                length = v.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut body = vec![0; length];
    stream.read_exact(&mut body)?;
    Ok(status)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).copied().unwrap_or(0.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let args: Vec<&String> = args.iter().filter(|a| *a != "--json").collect();
    let [addr, conns, seconds, paths @ ..] = args.as_slice() else {
        return Err("usage: serve_load ADDR CONNS SECONDS PATH... [--json]".into());
    };
    let conns: usize = conns.parse()?;
    let seconds: f64 = seconds.parse()?;
    if !json {
        println!(
            "{:<60} {:>8} {:>9} {:>8} {:>8} {:>8} {:>8}",
            "path", "requests", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms"
        );
    }
    for path in paths {
        let deadline = Instant::now() + Duration::from_secs_f64(seconds);
        let workers: Vec<_> = (0..conns)
            .map(|_| {
                let addr = addr.to_string();
                let path = path.to_string();
                std::thread::spawn(move || -> std::io::Result<(Vec<f64>, usize)> {
                    let mut stream = BufReader::new(TcpStream::connect(&addr)?);
                    stream.get_ref().set_nodelay(true)?;
                    let mut times = Vec::new();
                    let mut errors = 0;
                    while Instant::now() < deadline {
                        let t = Instant::now();
                        let status = get(&mut stream, &path)?;
                        times.push(t.elapsed().as_secs_f64() * 1000.0);
                        if status != 200 {
                            errors += 1;
                        }
                    }
                    Ok((times, errors))
                })
            })
            .collect();
        let started = Instant::now();
        let mut times = Vec::new();
        let mut errors = 0;
        for w in workers {
            let (t, e) = w.join().map_err(|_| "worker panicked")??;
            times.extend(t);
            errors += e;
        }
        let elapsed = started.elapsed().as_secs_f64();
        times.sort_by(f64::total_cmp);
        let (p50, p90, p99) = (percentile(&times, 0.5), percentile(&times, 0.9), percentile(&times, 0.99));
        let max = times.last().copied().unwrap_or(0.0);
        let rps = times.len() as f64 / elapsed.max(1e-9);
        if json {
            println!(
                "{{\"path\":{:?},\"connections\":{conns},\"requests\":{},\"errors\":{errors},\"rps\":{rps:.1},\"p50_ms\":{p50:.2},\"p90_ms\":{p90:.2},\"p99_ms\":{p99:.2},\"max_ms\":{max:.2}}}",
                path,
                times.len()
            );
        } else {
            println!("{path:<60} {:>8} {rps:>9.0} {p50:>8.2} {p90:>8.2} {p99:>8.2} {max:>8.2}", times.len());
            if errors > 0 {
                println!("  {errors} answers were not 200");
            }
        }
    }
    Ok(())
}
