import type { DemoOptionValue, DemoProduct, DemoProductOption } from './model';

/** Option value with the installer's defaults for the fields the corpus never varies. */
function value(id: number, optionValueId: number, name: string, price: number, quantity: number, subtract = true): DemoOptionValue {
  return {
    productOptionValueId: id, optionValueId, name, price, pricePrefix: '+', points: 0, pointsPrefix: '+',
    weight: 0, weightPrefix: '+', quantity, subtract,
  };
}

/** A product with the installer's defaults; only what differs is given. */
function product(p: Partial<DemoProduct> & Pick<DemoProduct, 'productId' | 'name' | 'model' | 'price'>): DemoProduct {
  return {
    description: '', tag: '', specials: [], discounts: [], taxClassId: 9, quantity: 1000, minimum: 1, subtract: true,
    shipping: true, reward: 0, points: 0, stockStatus: '2-3 Days', images: [], categoryIds: [], manufacturer: null,
    manufacturerId: null, status: true, keyword: null, weight: 0, sortOrder: 0, options: [], ...p,
  };
}

const img = (name: string): string => `catalog/demo/${name}`;

/** Apple Cinema 30": one option of every type, all required (demo data ids). */
const cinemaOptions: DemoProductOption[] = [
  { productOptionId: 218, optionId: 5, name: 'Radio', type: 'radio', required: true, value: '', sortOrder: 1,
    values: [value(5, 42, 'Small', 10, 10), value(6, 43, 'Medium', 20, 10), value(7, 44, 'Large', 30, 10)] },
  { productOptionId: 223, optionId: 2, name: 'Checkbox', type: 'checkbox', required: true, value: '', sortOrder: 2,
    values: [value(8, 23, 'Checkbox 1', 10, 10), value(9, 24, 'Checkbox 2', 20, 10), value(10, 44, 'Checkbox 3', 30, 10),
      value(11, 45, 'Checkbox 4', 40, 10)] },
  { productOptionId: 208, optionId: 4, name: 'Text', type: 'text', required: true, value: 'test', sortOrder: 3, values: [] },
  { productOptionId: 217, optionId: 1, name: 'Select', type: 'select', required: true, value: '', sortOrder: 4,
    values: [value(4, 41, 'Red', 4, 10), value(3, 40, 'Blue', 3, 10), value(1, 39, 'Green', 1, 10), value(2, 42, 'Yellow', 2, 10)] },
  { productOptionId: 209, optionId: 6, name: 'Textarea', type: 'textarea', required: true, value: '', sortOrder: 5, values: [] },
  { productOptionId: 222, optionId: 7, name: 'File', type: 'file', required: true, value: '', sortOrder: 6, values: [] },
  { productOptionId: 219, optionId: 8, name: 'Date', type: 'date', required: true, value: '2011-02-20', sortOrder: 7, values: [] },
  { productOptionId: 221, optionId: 9, name: 'Time', type: 'time', required: true, value: '22:25', sortOrder: 8, values: [] },
  { productOptionId: 220, optionId: 10, name: 'Date & Time', type: 'datetime', required: true, value: '2011-02-20 22:25', sortOrder: 9, values: [] },
];

export const demoProducts: DemoProduct[] = [
  product({ productId: 28, name: 'HTC Touch HD', model: 'Product 1', price: 100, quantity: 939, reward: 400, points: 200,
    description: 'HTC Touch - in High Definition. Watch music videos and streaming content in awe-inspiring high definition clarity for a mobile experience you never thought possible.',
    images: [img('htc_touch_hd_1.jpg'), img('htc_touch_hd_2.jpg'), img('htc_touch_hd_3.jpg')], categoryIds: [20, 24],
    manufacturer: 'HTC', manufacturerId: 5, keyword: 'htc-touch-hd', stockStatus: 'In Stock' }),
  product({ productId: 29, name: 'Palm Treo Pro', model: 'Palm Treo Pro', price: 279.99, quantity: 999,
    description: 'Redefine your workday with the Palm Treo Pro smartphone. Perfectly balanced, you can respond to business and personal email, stay on top of appointments and contacts, and use Wi-Fi or GPS when you’re out and about.',
    images: [img('palm_treo_pro_1.jpg'), img('palm_treo_pro_2.jpg')], categoryIds: [20, 24], manufacturer: 'Palm',
    manufacturerId: 6, keyword: 'palm-treo-pro', stockStatus: 'Out Of Stock' }),
  product({ productId: 30, name: 'Canon EOS 5D', model: 'Product 3', price: 100, quantity: 7, reward: 200,
    specials: [{ customerGroupId: 1, price: 80, priority: 1 }, { customerGroupId: 2, price: 80, priority: 1 }],
    description: "Canon's press material for the EOS 5D states that it 'defines (a) new D-SLR category', while we're not typically too concerned with marketing talk this particular statement is clearly pretty accurate.",
    images: [img('canon_eos_5d_1.jpg'), img('canon_eos_5d_2.jpg'), img('canon_eos_5d_3.jpg')], categoryIds: [20, 33],
    manufacturer: 'Canon', manufacturerId: 9, keyword: 'canon-eos-5d', stockStatus: '2-3 Days',
    options: [{ productOptionId: 226, optionId: 5, name: 'Select', type: 'select', required: true, value: '', sortOrder: 0,
      values: [value(15, 46, 'Red', 0, 2), value(16, 47, 'Blue', 0, 5)] }] }),
  product({ productId: 31, name: 'Nikon D300', model: 'Product 4', price: 80, quantity: 1000,
    description: 'Engineered with pro-level features and performance, the 12.3-effective-megapixel D300 combines brand new technologies with advanced features inherited from Nikon\'s newly announced D3 professional digital SLR camera.',
    images: [img('nikon_d300_1.jpg')], categoryIds: [33], keyword: 'nikon-d300' }),
  product({ productId: 32, name: 'iPod Touch', model: 'Product 5', price: 100, quantity: 999,
    description: 'Revolutionary multi-touch interface. iPod touch features the same multi-touch screen technology as iPhone.',
    images: [img('ipod_touch_1.jpg')], categoryIds: [34], manufacturer: 'Apple', manufacturerId: 8, keyword: 'ipod-touch' }),
  product({ productId: 33, name: 'Samsung SyncMaster 941BW', model: 'Product 6', price: 200, quantity: 1000,
    description: 'Imagine the advantages of going big without slowing down. The big 19" 941BW monitor combines wide aspect ratio with fast pixel response time, for bigger images, more room to work and crisp motion.',
    images: [img('samsung_syncmaster_941bw.jpg')], categoryIds: [20, 28], keyword: 'samsung-syncmaster-941bw' }),
  product({ productId: 34, name: 'iPod Shuffle', model: 'Product 7', price: 100, quantity: 1000,
    description: 'Born to be worn. Clip on the worlds most wearable music player and take up to 240 songs with you anywhere.',
    images: [img('ipod_shuffle_1.jpg')], categoryIds: [34], manufacturer: 'Apple', manufacturerId: 8, keyword: 'ipod-shuffle' }),
  product({ productId: 35, name: 'Product 8', model: 'Product 8', price: 100, quantity: 1000, shipping: false,
    description: 'Product 8', images: [], categoryIds: [20], keyword: 'product-8' }),
  product({ productId: 36, name: 'iPod Nano', model: 'Product 9', price: 100, quantity: 994, shipping: false,
    description: 'Video in your pocket. Its the small iPod with one very big idea: video.',
    images: [img('ipod_nano_1.jpg')], categoryIds: [34], manufacturer: 'Apple', manufacturerId: 8, keyword: 'ipod-nano' }),
  product({ productId: 40, name: 'iPhone', model: 'product 11', price: 101, quantity: 969, stockStatus: '2-3 Days',
    specials: [{ customerGroupId: 2, price: 85, priority: 1 }, { customerGroupId: 3, price: 70, priority: 1 }],
    description: 'iPhone is a revolutionary new mobile phone that allows you to make a call by simply tapping a name or number in your address book, a favorites list, or a call log.',
    images: [img('iphone_1.jpg'), img('iphone_6.jpg'), img('iphone_2.jpg'), img('iphone_5.jpg'), img('iphone_3.jpg'), img('iphone_4.jpg')],
    categoryIds: [20, 24], manufacturer: 'Apple', manufacturerId: 8, keyword: 'iphone' }),
  product({ productId: 41, name: 'iMac', model: 'Product 14', price: 100, quantity: 977,
    description: 'Just when you thought iMac had everything, now there´s even more. More powerful Intel Core 2 Duo processors. And more memory standard.',
    images: [img('imac_1.jpg')], categoryIds: [27], manufacturer: 'Apple', manufacturerId: 8, keyword: 'imac' }),
  product({ productId: 42, name: 'Apple Cinema 30"', model: 'Product 15', price: 100, quantity: 990, minimum: 2, reward: 100,
    points: 400, specials: [{ customerGroupId: 1, price: 90, priority: 1 }],
    discounts: [{ customerGroupId: 1, quantity: 10, price: 88 }, { customerGroupId: 1, quantity: 20, price: 77 },
      { customerGroupId: 1, quantity: 30, price: 66 }],
    description: 'The 30-inch Apple Cinema HD Display delivers an amazing 2560 x 1600 pixel resolution. Designed specifically for the creative professional, this display provides more space for easier access to all the tools and palettes needed to edit, format and composite your work.',
    images: [img('apple_cinema_30.jpg'), img('canon_logo.jpg'), img('hp_1.jpg'), img('compaq_presario.jpg'),
      img('canon_eos_5d_1.jpg'), img('canon_eos_5d_2.jpg')],
    categoryIds: [20, 28], manufacturer: 'Apple', manufacturerId: 8, keyword: 'apple-cinema', options: cinemaOptions }),
  product({ productId: 43, name: 'MacBook', model: 'Product 16', price: 500, quantity: 929, shipping: false,
    description: 'Intel Core 2 Duo processor. Powered by an Intel Core 2 Duo processor at speeds up to 2.16GHz, the new MacBook is the fastest ever.',
    images: [img('macbook_1.jpg')], categoryIds: [18, 20], manufacturer: 'Apple', manufacturerId: 8, keyword: 'macbook' }),
  product({ productId: 44, name: 'MacBook Air', model: 'Product 17', price: 1000, quantity: 1000, reward: 700,
    description: 'MacBook Air is ultrathin, ultraportable, and ultra unlike anything else. But you don’t lose inches and pounds overnight.',
    images: [img('macbook_air_1.jpg')], categoryIds: [18, 20], manufacturer: 'Apple', manufacturerId: 8, keyword: 'macbook-air' }),
  product({ productId: 45, name: 'MacBook Pro', model: 'Product 18', price: 2000, quantity: 998, taxClassId: 0,
    description: 'Latest Intel mobile architecture. Powered by the most advanced mobile processors from Intel, the new Core 2 Duo MacBook Pro is over 50% faster than the original Core Duo MacBook Pro.',
    images: [img('macbook_pro_1.jpg')], categoryIds: [18], manufacturer: 'Apple', manufacturerId: 8, keyword: 'macbook-pro' }),
  product({ productId: 46, name: 'Sony VAIO', model: 'Product 19', price: 1000, quantity: 1000,
    description: 'Unprecedented power. The next generation of processing technology has arrived. Built into the newest VAIO notebooks lies Intel\'s latest, most powerful innovation yet.',
    images: [img('sony_vaio_1.jpg')], categoryIds: [18, 20], manufacturer: 'Sony', manufacturerId: 10, keyword: 'sony-vaio' }),
  product({ productId: 47, name: 'HP LP3065', model: 'Product 21', price: 100, quantity: 1000,
    description: 'Stop your co-workers in their tracks with the stunning new 30-inch diagonal HP LP3065 Flat Panel Monitor.',
    images: [img('hp_1.jpg')], categoryIds: [18, 20], manufacturer: 'Hewlett-Packard', manufacturerId: 7, keyword: 'hp-lp3065' }),
  product({ productId: 48, name: 'iPod Classic', model: 'product 20', price: 100, quantity: 995,
    description: 'More room to move. With 80GB or 160GB of storage and up to 40 hours of battery life, the new iPod classic lets you enjoy up to 40,000 songs or up to 200 hours of video or any combination wherever you go.',
    images: [img('ipod_classic_1.jpg')], categoryIds: [20, 34], manufacturer: 'Apple', manufacturerId: 8, keyword: 'ipod-classic' }),
  product({ productId: 49, name: 'Samsung Galaxy Tab 10.1', model: 'SAM1', price: 199.99, quantity: 0, reward: 1000,
    stockStatus: 'Pre-Order',
    description: 'Samsung Galaxy Tab 10.1, is the world’s thinnest tablet, measuring 8.6 mm thickness, running with Android 3.0 Honeycomb OS on a 1GHz dual-core Tegra 2 processor, similar to its younger brother Samsung Galaxy Tab 8.9.',
    images: [img('samsung_tab_1.jpg'), img('samsung_tab_7.jpg'), img('samsung_tab_6.jpg'), img('samsung_tab_5.jpg'),
      img('samsung_tab_4.jpg'), img('samsung_tab_3.jpg'), img('samsung_tab_2.jpg')],
    categoryIds: [57], keyword: 'samsung-galaxy-tab-10-1' }),
];
