import { MAX_REQUESTS, splitRequests } from '../../src/catalog/query/split';

describe('splitRequests: the products one message asks for', () => {
  it.each([
    ['2 red Canon cameras and an iphone', ['2 red Canon cameras', 'an iphone']],
    ['a macbook, an iphone; and a nikon', ['a macbook', 'an iphone', 'a nikon']],
    ['zwei rote Canon und ein iPhone', ['zwei rote Canon', 'ein iPhone']],
    ['две камеры Canon и iphone', ['две камеры Canon', 'iphone']],
    ['macbook plus nikon', ['macbook', 'nikon']],
  ])('"%s" is %j', (text, requests) => {
    expect(splitRequests(text)).toEqual(requests);
  });

  it.each([
    'red and blue iPod',
    'Canon EOS 5D, red, 2',
    'iphone and 2',
    'canon cameras',
    '',
    'and and ,,,',
  ])('"%s" stays one request', (text) => {
    expect(splitRequests(text)).toEqual([text]);
  });

  it('keeps a name that has the joining word whole ("Salt and Pepper Mill")', () => {
    const names = ['salt and pepper mill'];
    const oneProduct = (words: string[]) => names.some((name) => words.every((word) => name.includes(word)));
    expect(splitRequests('a salt and pepper mill', oneProduct)).toEqual(['a salt and pepper mill']);
    expect(splitRequests('salt and an iphone', oneProduct)).toEqual(['salt', 'an iphone']);
  });

  it('reads a bounded number of requests from a bounded text', () => {
    const many = Array.from({ length: 40 }, (_, i) => `product${i}`).join(' and ');
    expect(splitRequests(many)).toHaveLength(MAX_REQUESTS);
    expect(splitRequests(`${'iphone and '.repeat(5000)}macbook`).length).toBeLessThanOrEqual(MAX_REQUESTS);
  });
});
