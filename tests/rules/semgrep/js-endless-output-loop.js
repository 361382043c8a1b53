// Fixture for js-endless-output-loop.
// RULEID: for (i < Infinity) printing zalgo noise (colors.js); while (true) writing to stdout behind an
//   if; for (;;) logging inside a nested block; do/while(true) with console.error.
// OK: while (true) with a break on a condition; for (;;) that returns; an async poll loop that awaits;
//   an empty spin used to test a timeout; a bounded for loop that prints; a benchmark printing
//   timings forever.
module.exports = function americanFlag() {
  console.log('LIBERTY LIBERTY LIBERTY');
  // ruleid: js-endless-output-loop
  for (let i = 666; i < Infinity; i++) {
    if (i % 333) {
      console.log('\x1b[31m' + 'zalgo'.repeat(i % 7) + '\x1b[0m');
    }
    console.log('\u0303\u0304\u0305 testing testing testing');
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
