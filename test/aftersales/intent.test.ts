import { MAX_INTENT_TEXT, recognizeAftersales } from '../../src/domain/aftersales/intent';

describe('recognizeAftersales', () => {
  it.each([
    ['where is my order 24?', 'status', 24],
    ['Where is my order?', 'status', null],
    ['status of my order', 'status', null],
    ['order status', 'status', null],
    ['order 24', 'status', 24],
    ['my order #24', 'status', 24],
    ['order no. 24', 'status', 24],
    ['when will my order arrive', 'status', null],
    ['wo ist meine Bestellung 24', 'status', 24],
    ['Bestellstatus', 'status', null],
    ['Bestellung 24', 'status', 24],
    ['wann kommt meine Bestellung?', 'status', null],
    ['где мой заказ 24', 'status', 24],
    ['Где мой заказ №24?', 'status', 24],
    ['статус заказа', 'status', null],
    ['заказ 31', 'status', 31],
    ['cancel my order 24', 'cancel', 24],
    ['Cancel order #7', 'cancel', 7],
    ['please cancel the order', 'cancel', null],
    ['Bestellung stornieren', 'cancel', null],
    ['ich möchte meine Bestellung 24 stornieren', 'cancel', 24],
    ['отменить заказ', 'cancel', null],
    ['отмените заказ 24, пожалуйста', 'cancel', 24],
  ])('"%s" is %s (order %s)', (text, kind, orderId) => {
    expect(recognizeAftersales(text)).toEqual({ kind, orderId });
  });

  it.each([
    'I want to order 2 iPhones',
    'order 2 macbooks',
    'where can I order 2 red canon cameras',
    'where can I order a camera',
    'ich möchte eine Bestellung aufgeben',
    'хочу заказать 2 камеры',
    'где заказать камеру',
    'status',
    'cancel',
    'macbook',
    'hi',
    '24',
    '',
  ])('"%s" is no after-sales request', (text) => {
    expect(recognizeAftersales(text)).toBeNull();
  });

  it('reads only a bounded text, in linear time', () => {
    expect(recognizeAftersales(`where is my order 24 ${'x'.repeat(MAX_INTENT_TEXT * 2)}`)).toBeNull();
    const long = 'order '.repeat(60) + '1'.repeat(100_000);
    const started = process.hrtime.bigint();
    recognizeAftersales(long);
    recognizeAftersales(`${'#'.repeat(MAX_INTENT_TEXT * 2)}`);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(200);
    expect(recognizeAftersales('order 99999999999')).toBeNull(); // 11 digits: no order number, nothing else
    expect(recognizeAftersales('where is my order 3000000000')).toEqual({ kind: 'status', orderId: null });
  });
});
