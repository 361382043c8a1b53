// Fixture for js-endless-output-loop.
// RULEID: for (n < Infinity) writing rows (the colors.js shape); while (true) writing to stdout behind an
//   if; for (;;) logging inside a nested block; do/while(true) with console.error; the Infinity bound
//   spelled Number.POSITIVE_INFINITY in a for and a while loop.
// OK (also): a Number.POSITIVE_INFINITY-bounded loop that breaks.
// OK: while (true) with a break on a condition; for (;;) that returns; an async poll loop that awaits;
//   an empty spin used to test a timeout; a bounded for loop that prints; a benchmark printing
//   timings forever.
exports.banner = function banner(width) {
  // ruleid: js-endless-output-loop
  for (let n = 0; n < Infinity; n += 1) {
    const row = n % 2 ? '#'.repeat(width) : '.'.repeat(width);
    process.stdout.write(row + '\n');
  }
};

function spam(flag) {
  // ruleid: js-endless-output-loop
  while (true) {
    if (flag) {
      process.stdout.write('\u0007');
    }
  }
}

function noise(items) {
  // ruleid: js-endless-output-loop
  for (;;) {
    for (const item of items) {
      try {
        console.info(item.toString().split('').reverse().join(''));
      } catch (e) {
        items.push(e);
      }
    }
  }
}

function nag() {
  // ruleid: js-endless-output-loop
  do {
    console.error('This package is no longer free.');
  } while (true);
}

function readAll(queue) {
  // ok: js-endless-output-loop
  while (true) {
    const next = queue.shift();
    if (!next) break;
    console.log(next);
  }
}

function find(list, name) {
  // ok: js-endless-output-loop
  for (let i = 1; i < Infinity; i++) {
    console.debug('trying', name + i);
    if (!list.includes(name + i)) return name + i;
  }
}

async function poll(client) {
  // ok: js-endless-output-loop
  while (true) {
    const job = await client.next();
    console.log('job', job.id);
  }
}

function spinForTimeoutTest() {
  // ok: js-endless-output-loop
  while (true) {}
}

function count() {
  // ok: js-endless-output-loop
  for (let i = 0; i < 10; i++) {
    console.log(i);
  }
}

function bench(json, Parser) {
  // ok: js-endless-output-loop
  while (true) {
    const start = Date.now();
    new Parser().write(json);
    console.log('streaming parser took %s', Date.now() - start);
  }
}

function ticker(label) {
  // ruleid: js-endless-output-loop
  for (let i = 0; i < Number.POSITIVE_INFINITY; i++) {
    console.log(label, i);
  }
}

function ticker2(label) {
  let i = 0;
  // ruleid: js-endless-output-loop
  while (i <= Number.POSITIVE_INFINITY) {
    process.stderr.write(label + i++ + '\n');
  }
}

function counted(limit) {
  // ok: js-endless-output-loop
  for (let i = 0; i < Number.POSITIVE_INFINITY; i++) {
    if (i > limit) break;
    console.log(i);
  }
}
