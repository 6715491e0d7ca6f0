// An app's close waits for its jobs and the log's last pass: on a loaded 2-core machine that can
// take longer than jest's 5 s default for a hook (seen once under load 10), without being stuck.
jest.setTimeout(15_000);
