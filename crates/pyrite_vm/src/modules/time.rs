//! The `time` module; CPython: Modules/timemodule.c. Local time is UTC
//! (as CPython with `TZ` unset on these machines).
//!
//! Registration table: time, time_ns, monotonic, monotonic_ns, perf_counter,
//! perf_counter_ns, process_time, process_time_ns, thread_time,
//! thread_time_ns, sleep, gmtime, localtime, mktime, strftime, asctime,
//! ctime, get_clock_info; struct_time; timezone, altzone, daylight, tzname.

use crate::error::PyResult;
use crate::object::{Payload, PyRef};
use crate::types::dict::dict_set_str;
use crate::types::function::{Args, NativeFn};
use crate::value::Value;
use crate::vm::Vm;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Registers `time` as a native module.
pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("time", init_module);
}

const FIELDS: [&str; 9] = ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"];

fn struct_time_type(vm: &mut Vm) -> PyRef {
    if let Some(Value::Obj(t)) = vm.state.get("time.struct_time") {
        return t.clone();
    }
    let t = super::sys::struct_seq_type(vm, "struct_time", "time", &FIELDS);
    vm.add_staticmethods(&t, &[("__new__", struct_time_new)]);
    vm.state.insert("time.struct_time", Value::Obj(t.clone()));
    t
}

fn init_module(vm: &mut Vm) -> PyResult<PyRef> {
    let m = crate::types::module::new_module(vm, "time");
    let st = struct_time_type(vm);
    let funcs: &[(&'static str, NativeFn)] = &[
        ("time", t_time),
        ("time_ns", t_time_ns),
        ("monotonic", t_monotonic),
        ("monotonic_ns", t_monotonic_ns),
        ("perf_counter", t_monotonic),
        ("perf_counter_ns", t_monotonic_ns),
        ("process_time", t_process_time),
        ("process_time_ns", t_process_time_ns),
        ("thread_time", t_process_time),
        ("thread_time_ns", t_process_time_ns),
        ("sleep", t_sleep),
        ("gmtime", t_gmtime),
        ("localtime", t_localtime),
        ("mktime", t_mktime),
        ("strftime", t_strftime),
        ("asctime", t_asctime),
        ("ctime", t_ctime),
        ("get_clock_info", t_get_clock_info),
    ];
    let d = m.dict.borrow().clone();
    if let Some(d) = d {
        for &(n, f) in funcs {
            let k = vm.intern(n);
            let v = vm.new_builtin(n, f);
            dict_set_str(&d, &k, v);
        }
        let utc = vm.new_str("UTC");
        let tzname = vm.new_tuple(vec![utc.clone(), utc]);
        for (n, v) in [("struct_time", Value::Obj(st)), ("timezone", Value::Int(0)), ("altzone", Value::Int(0)), ("daylight", Value::Int(0)), ("tzname", tzname)] {
            let k = vm.intern(n);
            dict_set_str(&d, &k, v);
        }
    }
    Ok(m)
}

fn epoch() -> Duration {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default()
}

fn t_time(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(epoch().as_secs_f64()))
}

fn t_time_ns(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.new_int(epoch().as_nanos().into()))
}

thread_local! {
    static START: Instant = Instant::now();
}

fn mono() -> Duration {
    // Offset so values look like CPython's (seconds since an arbitrary point).
    START.with(|s| s.elapsed()) + Duration::from_secs(1000)
}

fn t_monotonic(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(mono().as_secs_f64()))
}

fn t_monotonic_ns(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.new_int(mono().as_nanos().into()))
}

fn cpu_time() -> Duration {
    // /proc/self/stat fields 14 and 15 (utime, stime) in clock ticks.
    let s = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = s.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks: u64 = f.get(11).and_then(|x| x.parse().ok()).unwrap_or(0) + f.get(12).and_then(|x| x.parse::<u64>().ok()).unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

fn t_process_time(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(cpu_time().as_secs_f64()))
}

fn t_process_time_ns(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.new_int(cpu_time().as_nanos().into()))
}

fn number(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<f64> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Float(f) => Ok(*f),
        Value::Obj(o) => match &o.payload {
            Payload::Float(f) => Ok(*f),
            Payload::Int(b) => {
                use num_traits::ToPrimitive;
                Ok(b.to_f64().unwrap_or(f64::INFINITY))
            }
            _ => {
                let _ = fname;
                Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v))))
            }
        },
        Value::None | Value::Null => Err(vm.type_error("'NoneType' object cannot be interpreted as an integer")),
    }
}

fn t_sleep(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "sleep", &args, 1, 1)?;
    let secs = number(vm, &args.args[0], "sleep")?;
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if secs > 1e15 {
        return Err(vm.overflow_error("sleep length is too large"));
    }
    let end = Instant::now() + Duration::from_secs_f64(secs);
    loop {
        if vm.interrupted.load(Ordering::Relaxed) {
            vm.interrupted.store(false, Ordering::Relaxed);
            let c = vm.exc.keyboard_interrupt.clone();
            return Err(vm.new_exception(&c, vec![]));
        }
        let now = Instant::now();
        if now >= end {
            return Ok(Value::None);
        }
        std::thread::sleep((end - now).min(Duration::from_millis(20)));
    }
}

/// Days since 1970-01-01 to a (year, month, day) civil date.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z.rem_euclid(146097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// The nine struct_time fields of a UTC timestamp.
fn broken_down(t: i64) -> [i64; 9] {
    let days = t.div_euclid(86400);
    let secs = t.rem_euclid(86400);
    let (y, m, d) = civil_from_days(days);
    let wday = (days + 3).rem_euclid(7); // 1970-01-01 was a Thursday (3 with Monday = 0).
    let yday = days - days_from_civil(y, 1, 1) + 1;
    [y, m, d, secs / 3600, secs % 3600 / 60, secs % 60, wday, yday, 0]
}

fn make_struct_time(vm: &mut Vm, f: [i64; 9], zone: &str) -> Value {
    let t = struct_time_type(vm);
    let items: Vec<Value> = f.iter().map(|&x| Value::Int(x)).collect();
    let d = vm.new_dict();
    let o = crate::object::PyObject::with_dict(t, Payload::Tuple(items.into_boxed_slice()), d.clone());
    let zk = vm.intern("tm_zone");
    let zv = vm.new_str(zone);
    dict_set_str(&d, &zk, zv);
    let gk = vm.intern("tm_gmtoff");
    dict_set_str(&d, &gk, Value::Int(0));
    Value::Obj(o)
}

fn timestamp_arg(vm: &mut Vm, args: &Args) -> PyResult<i64> {
    match args.args.first() {
        None | Some(Value::None) => Ok(epoch().as_secs() as i64),
        Some(v) => {
            let f = number(vm, v, "gmtime")?;
            if f.is_nan() {
                return Err(vm.value_error("Invalid value NaN (not a number)"));
            }
            if !(-6.7e15..=6.7e15).contains(&f) {
                return Err(vm.overflow_error("timestamp out of range for platform time_t"));
            }
            Ok(f.floor() as i64)
        }
    }
}

fn t_gmtime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "gmtime", &args, 0, 1)?;
    to_struct_time(vm, &args, "GMT")
}

fn t_localtime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "localtime", &args, 0, 1)?;
    to_struct_time(vm, &args, "UTC")
}

fn to_struct_time(vm: &mut Vm, args: &Args, zone: &str) -> PyResult<Value> {
    let t = timestamp_arg(vm, args)?;
    let f = broken_down(t);
    if f[0] > i32::MAX as i64 || f[0] < i32::MIN as i64 + 1900 {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(make_struct_time(vm, f, zone))
}

/// A struct_time or 9-tuple argument as its fields.
fn tuple_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<[i64; 9]> {
    let items = match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Tuple(items)) => items.to_vec(),
        _ => return Err(vm.type_error("Tuple or struct_time argument required")),
    };
    if items.len() != 9 {
        return Err(vm.type_error(format!("{}(): illegal time tuple argument", fname)));
    }
    let mut out = [0i64; 9];
    for (i, it) in items.iter().enumerate() {
        out[i] = vm.index_i64(it)?;
    }
    Ok(out)
}

fn struct_time_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(cls) = args.args.first().and_then(|c| c.as_obj().cloned()) else {
        return Err(vm.type_error("struct_time.__new__(X): X is not a type object"));
    };
    let Some(seq) = args.args.get(1).cloned() else {
        return Err(vm.type_error("struct_time() missing required argument 'sequence' (pos 1)"));
    };
    let items = vm.collect(&seq)?;
    if items.len() < 9 {
        return Err(vm.type_error(format!("time.struct_time() takes an at least 9-sequence ({}-sequence given)", items.len())));
    }
    if items.len() > 11 {
        return Err(vm.type_error(format!("time.struct_time() takes an at most 11-sequence ({}-sequence given)", items.len())));
    }
    Ok(super::sys::struct_seq_new(&cls, items[..9].to_vec()))
}

fn t_mktime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "mktime", &args, 1, 1)?;
    let f = tuple_arg(vm, &args.args[0], "mktime")?;
    // Normalise the month like C's mktime.
    let months = f[0] * 12 + (f[1] - 1);
    let (y, m) = (months.div_euclid(12), months.rem_euclid(12) + 1);
    let days = days_from_civil(y, m, 1) + f[2] - 1;
    let t = days * 86400 + f[3] * 3600 + f[4] * 60 + f[5];
    Ok(Value::Float(t as f64))
}

const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

fn asctime_of(f: &[i64; 9]) -> String {
    let wd = DAYS[f[6].rem_euclid(7) as usize];
    let mo = MONTHS[(f[1] - 1).clamp(0, 11) as usize];
    format!("{} {} {:>2} {:02}:{:02}:{:02} {}", &wd[..3], &mo[..3], f[2], f[3], f[4], f[5], f[0])
}

fn now_or_tuple(vm: &mut Vm, args: &Args, fname: &str) -> PyResult<[i64; 9]> {
    match args.args.first() {
        None => Ok(broken_down(epoch().as_secs() as i64)),
        Some(v) => {
            let f = tuple_arg(vm, v, fname)?;
            check_tuple(vm, &f)?;
            Ok(f)
        }
    }
}

fn check_tuple(vm: &mut Vm, f: &[i64; 9]) -> PyResult<()> {
    let checks: [(bool, &str); 7] = [
        (f[1] >= 0 && f[1] <= 12, "month out of range"),
        (f[2] >= 0 && f[2] <= 31, "day of month out of range"),
        (f[3] >= 0 && f[3] <= 23, "hour out of range"),
        (f[4] >= 0 && f[4] <= 59, "minute out of range"),
        (f[5] >= 0 && f[5] <= 61, "seconds out of range"),
        (f[6] >= -1, "day of week out of range"),
        (f[7] >= 0 && f[7] <= 366, "day of year out of range"),
    ];
    for (ok, msg) in checks {
        if !ok {
            return Err(vm.value_error(msg));
        }
    }
    Ok(())
}

fn t_asctime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "asctime", &args, 0, 1)?;
    let mut f = now_or_tuple(vm, &args, "asctime")?;
    if f[1] == 0 {
        f[1] = 1;
    }
    Ok(vm.new_str(&asctime_of(&f)))
}

fn t_ctime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "ctime", &args, 0, 1)?;
    let t = timestamp_arg(vm, &args)?;
    Ok(vm.new_str(&asctime_of(&broken_down(t))))
}

fn week_number(f: &[i64; 9], monday_first: bool) -> i64 {
    let wday = if monday_first { f[6] } else { (f[6] + 1) % 7 };
    (f[7] - 1 + 7 - wday) / 7
}

fn t_strftime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "strftime", &args, 1, 2)?;
    let Some(fmt) = crate::types::strops::as_rust_str(&args.args[0]) else {
        return Err(vm.type_error(format!("strftime() argument 1 must be str, not {}", vm.type_name(&args.args[0]))));
    };
    let zone = match args.args.get(1) {
        Some(v) => {
            let k = vm.intern("tm_zone");
            match v.as_obj().and_then(|o| o.dict.borrow().clone()) {
                Some(d) => crate::types::dict::dict_get_str(&d, &k).and_then(|z| crate::types::strops::as_rust_str(&z)),
                None => None,
            }
        }
        None => None,
    }
    .unwrap_or_else(|| "UTC".to_string());
    let mut f = match args.args.get(1) {
        None => broken_down(epoch().as_secs() as i64),
        Some(v) => {
            let f = tuple_arg(vm, v, "strftime")?;
            check_tuple(vm, &f)?;
            f
        }
    };
    if f[1] == 0 {
        f[1] = 1;
    }
    if f[2] == 0 {
        f[2] = 1;
    }
    if f[7] == 0 {
        f[7] = 1;
    }
    let wd = DAYS[f[6].rem_euclid(7) as usize];
    let mo = MONTHS[(f[1] - 1).clamp(0, 11) as usize];
    let mut out = String::new();
    let mut chars = fmt.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(d) = chars.next() else {
            out.push('%');
            break;
        };
        let s = match d {
            'Y' => f[0].to_string(),
            'y' => format!("{:02}", f[0].rem_euclid(100)),
            'C' => format!("{:02}", f[0].div_euclid(100)),
            'm' => format!("{:02}", f[1]),
            'd' => format!("{:02}", f[2]),
            'e' => format!("{:>2}", f[2]),
            'H' => format!("{:02}", f[3]),
            'I' => format!("{:02}", if f[3] % 12 == 0 { 12 } else { f[3] % 12 }),
            'M' => format!("{:02}", f[4]),
            'S' => format!("{:02}", f[5]),
            'p' => (if f[3] < 12 { "AM" } else { "PM" }).to_string(),
            'j' => format!("{:03}", f[7]),
            'a' => wd[..3].to_string(),
            'A' => wd.to_string(),
            'b' | 'h' => mo[..3].to_string(),
            'B' => mo.to_string(),
            'w' => ((f[6] + 1) % 7).to_string(),
            'u' => (f[6] + 1).to_string(),
            'U' => format!("{:02}", week_number(&f, false)),
            'W' => format!("{:02}", week_number(&f, true)),
            'Z' => zone.clone(),
            'z' => "+0000".to_string(),
            'c' => asctime_of(&f),
            'x' => format!("{:02}/{:02}/{:02}", f[1], f[2], f[0].rem_euclid(100)),
            'X' | 'T' => format!("{:02}:{:02}:{:02}", f[3], f[4], f[5]),
            'D' => format!("{:02}/{:02}/{:02}", f[1], f[2], f[0].rem_euclid(100)),
            'F' => format!("{}-{:02}-{:02}", f[0], f[1], f[2]),
            'R' => format!("{:02}:{:02}", f[3], f[4]),
            'n' => "\n".to_string(),
            't' => "\t".to_string(),
            '%' => "%".to_string(),
            'G' => f[0].to_string(),
            other => format!("%{}", other),
        };
        out.push_str(&s);
    }
    let _ = is_leap(f[0]);
    Ok(vm.new_str(&out))
}

fn t_get_clock_info(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::check_args(vm, "get_clock_info", &args, 1, 1)?;
    let name = crate::types::strops::as_rust_str(&args.args[0]).unwrap_or_default();
    let (imp, mono, adj, res) = match name.as_str() {
        "time" => ("clock_gettime(CLOCK_REALTIME)", false, true, 1e-9),
        "monotonic" | "perf_counter" => ("clock_gettime(CLOCK_MONOTONIC)", true, false, 1e-9),
        "process_time" => ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true, false, 1e-9),
        "thread_time" => ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true, false, 1e-9),
        _ => return Err(vm.value_error("unknown clock")),
    };
    let Some(Value::Obj(t)) = vm.state.get("types.SimpleNamespace").cloned() else {
        return Err(vm.system_error("namespace type missing"));
    };
    let o = crate::protocol::objecttype::new_instance(vm, &t, Payload::None);
    if let Some(d) = o.dict.borrow().clone() {
        let vals = [("implementation", vm.new_str(imp)), ("monotonic", Value::Bool(mono)), ("adjustable", Value::Bool(adj)), ("resolution", Value::Float(res))];
        for (k, v) in vals {
            let k = vm.intern(k);
            dict_set_str(&d, &k, v);
        }
    }
    Ok(Value::Obj(o))
}
