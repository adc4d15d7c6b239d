import { dialogTable } from './table';

dialogTable('typed answers at an option question', [
  {
    name: '"the second one" picks the second value',
    turns: [
      { say: 'canon', expect: ['Canon EOS 5D'] },
      { press: 'Choose', expect: ['Red (+$4.80)', 'Blue'] },
      { say: 'the second one', expect: ['How many Canon EOS 5D would you like?'] },
    ],
  },
  {
    name: '"die zweite" and a typo ("bleu") are taken',
    turns: [
      { say: 'canon', expect: ['Canon EOS 5D'] },
      { press: 'Choose' },
      { say: 'bleu', expect: ['How many Canon EOS 5D would you like?'] },
    ],
  },
  {
    name: '"последний" is the last value',
    turns: [
      { say: 'canon', expect: ['Canon EOS 5D'] },
      { press: 'Choose' },
      { say: 'последний', expect: ['How many Canon EOS 5D would you like?'] },
    ],
  },
]);
