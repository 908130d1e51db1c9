/**
 * What sets apart the demo catalog's products of one kind: the pack sizes that kind is really
 * sold in (toothpaste in tubes, water in bottles, never "toothpaste 1 litre") and its variants
 * (flavour, scent, origin). Keyed by the kind's English name in catalog-words.ts. Each pair is
 * [Vietnamese, English]; a size of ['', ''] means "no size in the name" (a loaf, a single pen),
 * and weighed kinds have no sizes at all: they are sold by the kilogram.
 */
export type WordPair = readonly [vi: string, en: string];

export interface KindWords {
  /** Smallest to largest: the generator gives the cheaper products of a kind the smaller sizes. */
  sizes: readonly WordPair[];
  variants: readonly WordPair[];
}

// prettier-ignore
export const KIND_WORDS: Readonly<Record<string, KindWords>> = {
  'Iced milk coffee': {
    sizes: [['180ml', '180ml'], ['235ml', '235ml'], ['250ml', '250ml'], ['lốc 6 lon 235ml', '6 × 235ml cans']],
    variants: [['ít đường', 'less sugar'], ['đậm vị', 'strong'], ['muối', 'salted cream'], ['dừa', 'coconut'], ['caramel', 'caramel']],
  },
  'Ground coffee': {
    sizes: [['250g', '250g'], ['500g', '500g'], ['1kg', '1kg']],
    variants: [['Robusta', 'Robusta'], ['Arabica', 'Arabica'], ['Culi', 'peaberry'], ['pha phin', 'phin filter'], ['espresso', 'espresso']],
  },
  'Green tea': {
    sizes: [['330ml', '330ml'], ['455ml', '455ml'], ['1,5 lít', '1.5 litre']],
    variants: [['chanh', 'lemon'], ['mật ong', 'honey'], ['không đường', 'unsweetened'], ['hoa nhài', 'jasmine'], ['gạo rang', 'roasted rice']],
  },
  'Peach tea': {
    sizes: [['330ml', '330ml'], ['450ml', '450ml'], ['1 lít', '1 litre']],
    variants: [['cam sả', 'orange lemongrass'], ['ít ngọt', 'light'], ['vải', 'lychee'], ['chanh dây', 'passion fruit']],
  },
  'Mineral water': {
    sizes: [['350ml', '350ml'], ['500ml', '500ml'], ['1,5 lít', '1.5 litre'], ['bình 5 lít', '5 litre bottle'], ['thùng 24 chai 500ml', 'case of 24 × 500ml']],
    variants: [['có ga', 'sparkling'], ['kiềm', 'alkaline'], ['nắp thể thao', 'sport cap']],
  },
  'Soft drink': {
    sizes: [['lon 330ml', '330ml can'], ['chai 390ml', '390ml bottle'], ['chai 1,5 lít', '1.5 litre bottle'], ['lốc 6 lon 330ml', '6 × 330ml cans']],
    variants: [['vị cam', 'orange'], ['vị chanh', 'lemon-lime'], ['cola', 'cola'], ['xá xị', 'sarsaparilla'], ['không đường', 'zero sugar']],
  },
  'UHT fresh milk': {
    sizes: [['hộp 110ml', '110ml carton'], ['hộp 180ml', '180ml carton'], ['lốc 4 hộp 180ml', '4 × 180ml cartons'], ['1 lít', '1 litre']],
    variants: [['có đường', 'sweetened'], ['ít đường', 'less sugar'], ['không đường', 'unsweetened'], ['sô-cô-la', 'chocolate'], ['dâu', 'strawberry']],
  },
  Yoghurt: {
    sizes: [['hộp 100g', '100g cup'], ['chai 150ml', '150ml drink'], ['lốc 4 hộp 100g', '4 × 100g cups']],
    variants: [['có đường', 'sweetened'], ['không đường', 'plain'], ['nha đam', 'aloe vera'], ['dâu', 'strawberry'], ['việt quất', 'blueberry']],
  },
  Cheese: {
    sizes: [['hộp 8 miếng 120g', '8 triangles 120g'], ['lát 170g', '170g slices'], ['khối 200g', '200g block']],
    variants: [['cheddar', 'cheddar'], ['mozzarella', 'mozzarella'], ['kem', 'cream'], ['ít béo', 'light']],
  },
  'Sandwich bread': {
    sizes: [['', ''], ['gói 280g', '280g loaf'], ['gói 450g', '450g loaf']],
    variants: [['nguyên cám', 'wholemeal'], ['sữa', 'milk'], ['bơ tỏi', 'garlic butter'], ['mè đen', 'black sesame']],
  },
  'Butter cookies': {
    sizes: [['gói 150g', '150g pack'], ['hộp 300g', '300g box'], ['hộp thiếc 454g', '454g tin']],
    variants: [['dừa', 'coconut'], ['sô-cô-la chip', 'chocolate chip'], ['hạnh nhân', 'almond'], ['mè', 'sesame']],
  },
  'Potato chips': {
    sizes: [['gói 52g', '52g bag'], ['gói 90g', '90g bag'], ['lon 110g', '110g tube']],
    variants: [['tự nhiên', 'original'], ['phô mai', 'cheese'], ['rong biển', 'seaweed'], ['cay', 'spicy'], ['tôm hùm', 'lobster']],
  },
  'Gummy candy': {
    sizes: [['gói 70g', '70g bag'], ['gói 160g', '160g bag'], ['hũ 300g', '300g jar']],
    variants: [['trái cây', 'fruit'], ['vị chua', 'sour'], ['nho', 'grape'], ['dâu', 'strawberry'], ['vitamin C', 'vitamin C']],
  },
  'Instant noodles': {
    sizes: [['gói 75g', '75g pack'], ['ly 65g', '65g cup'], ['thùng 30 gói', 'case of 30 packs']],
    variants: [['tôm chua cay', 'hot and sour shrimp'], ['bò hầm', 'braised beef'], ['gà', 'chicken'], ['chay', 'vegetarian'], ['lẩu Thái', 'Thai hotpot']],
  },
  'Instant pho': {
    sizes: [['gói 65g', '65g pack'], ['tô 120g', '120g bowl'], ['thùng 30 gói', 'case of 30 packs']],
    variants: [['bò', 'beef'], ['gà', 'chicken'], ['chay', 'vegetarian'], ['sườn', 'pork rib']],
  },
  'Fragrant rice': {
    sizes: [['túi 2kg', '2kg bag'], ['túi 5kg', '5kg bag'], ['bao 10kg', '10kg sack']],
    variants: [['ST25', 'ST25'], ['Jasmine', 'jasmine'], ['tám thơm', 'Tam Thom'], ['lứt', 'brown'], ['nếp cái hoa vàng', 'glutinous']],
  },
  'Fish sauce': {
    sizes: [['chai 500ml', '500ml bottle'], ['chai 750ml', '750ml bottle'], ['chai 1 lít', '1 litre bottle']],
    variants: [['40 độ đạm', '40°N'], ['30 độ đạm', '30°N'], ['cá cơm', 'anchovy'], ['pha sẵn', 'dipping']],
  },
  'Cooking oil': {
    sizes: [['chai 400ml', '400ml bottle'], ['chai 1 lít', '1 litre bottle'], ['can 5 lít', '5 litre can']],
    variants: [['đậu nành', 'soybean'], ['hướng dương', 'sunflower'], ['gạo', 'rice bran'], ['mè', 'sesame'], ['ô liu', 'olive']],
  },
  'White sugar': {
    sizes: [['túi 500g', '500g bag'], ['túi 1kg', '1kg bag'], ['túi 2kg', '2kg bag']],
    variants: [['tinh luyện', 'refined'], ['hữu cơ', 'organic'], ['mía', 'cane'], ['cát', 'granulated']],
  },
  Shampoo: {
    sizes: [['chai 170ml', '170ml bottle'], ['chai 340ml', '340ml bottle'], ['chai 650ml', '650ml bottle']],
    variants: [['bưởi', 'pomelo'], ['bồ kết', 'soapberry'], ['bạc hà', 'mint'], ['sạch gàu', 'anti-dandruff'], ['dưỡng ẩm', 'moisturising']],
  },
  'Shower gel': {
    sizes: [['chai 250ml', '250ml bottle'], ['chai 500ml', '500ml bottle'], ['chai 900ml', '900ml bottle']],
    variants: [['hoa hồng', 'rose'], ['trà xanh', 'green tea'], ['sữa dê', 'goat milk'], ['bạc hà', 'mint'], ['than tre', 'bamboo charcoal']],
  },
  Toothpaste: {
    sizes: [['tuýp 100g', '100g tube'], ['tuýp 180g', '180g tube'], ['bộ 2 tuýp 180g', 'twin pack 2 × 180g']],
    variants: [['muối', 'salt'], ['trà xanh', 'green tea'], ['trắng răng', 'whitening'], ['than hoạt tính', 'charcoal'], ['trẻ em', 'kids']],
  },
  Toothbrush: {
    sizes: [['vỉ 1 cây', 'single'], ['vỉ 2 cây', 'twin pack'], ['vỉ 4 cây', 'family pack of 4']],
    variants: [['lông mềm', 'soft'], ['lông siêu mềm', 'extra soft'], ['trẻ em', 'kids'], ['than tre', 'charcoal']],
  },
  'Laundry liquid': {
    sizes: [['túi 750ml', '750ml refill'], ['túi 2 lít', '2 litre pouch'], ['can 3,6 lít', '3.6 litre jug']],
    variants: [['hương hoa', 'floral'], ['máy cửa trước', 'front loader'], ['đậm đặc', 'concentrated'], ['cho bé', 'baby'], ['diệt khuẩn', 'antibacterial']],
  },
  'Dish soap': {
    sizes: [['chai 400ml', '400ml bottle'], ['chai 750ml', '750ml bottle'], ['túi 1,5 lít', '1.5 litre refill'], ['can 3,6 lít', '3.6 litre jug']],
    variants: [['chanh', 'lemon'], ['trà xanh', 'green tea'], ['bạc hà', 'mint'], ['gừng', 'ginger']],
  },
  Tissues: {
    sizes: [['gói 10 tờ', 'pocket pack of 10'], ['hộp 180 tờ', 'box of 180'], ['lốc 10 cuộn', '10 rolls']],
    variants: [['không mùi', 'unscented'], ['hương chanh', 'lemon scent'], ['3 lớp', '3-ply'], ['ướt', 'wet']],
  },
  'AA batteries': {
    sizes: [['vỉ 2 viên', 'pack of 2'], ['vỉ 4 viên', 'pack of 4'], ['hộp 12 viên', 'box of 12']],
    variants: [['alkaline', 'alkaline'], ['sạc lại', 'rechargeable'], ['carbon', 'heavy duty']],
  },
  'T-shirt': {
    sizes: [['size S', 'size S'], ['size M', 'size M'], ['size L', 'size L'], ['size XL', 'size XL']],
    variants: [['trắng', 'white'], ['đen', 'black'], ['xanh navy', 'navy'], ['xám', 'grey'], ['cổ tim', 'V-neck']],
  },
  'School notebook': {
    sizes: [['96 trang', '96 pages'], ['200 trang', '200 pages'], ['lốc 10 quyển 96 trang', '10 × 96 pages']],
    variants: [['kẻ ô ly', 'squared'], ['kẻ ngang', 'lined'], ['bìa cứng', 'hardcover']],
  },
  'Ballpoint pen': {
    sizes: [['', ''], ['vỉ 3 cây', 'pack of 3'], ['hộp 20 cây', 'box of 20']],
    variants: [['mực xanh', 'blue'], ['mực đỏ', 'red'], ['mực đen', 'black'], ['bấm', 'retractable'], ['gel', 'gel']],
  },
  'Cat mango': {
    sizes: [],
    variants: [['Hòa Lộc', 'Hoa Loc'], ['Cao Lãnh', 'Cao Lanh'], ['chu', 'chu'], ['Đồng Tháp', 'Dong Thap'], ['loại 1', 'grade 1'], ['loại 2', 'grade 2'], ['chín cây', 'tree-ripened'], ['hữu cơ', 'organic']],
  },
  Bananas: {
    sizes: [],
    variants: [['già hương', 'Gia Huong'], ['tiêu', 'Cavendish'], ['sứ', 'Su'], ['cau', 'lady finger'], ['Laba', 'Laba'], ['loại 1', 'grade 1'], ['chín', 'ripe'], ['hữu cơ', 'organic']],
  },
  'Dragon fruit': {
    sizes: [],
    variants: [['ruột đỏ', 'red flesh'], ['ruột trắng', 'white flesh'], ['vàng', 'yellow'], ['Bình Thuận', 'Binh Thuan'], ['Long An', 'Long An'], ['loại 1', 'grade 1'], ['loại 2', 'grade 2'], ['hữu cơ', 'organic']],
  },
  Tomatoes: {
    sizes: [],
    variants: [['bi', 'cherry'], ['Đà Lạt', 'Da Lat'], ['beef', 'beefsteak'], ['chùm', 'on the vine'], ['loại 1', 'grade 1'], ['VietGAP', 'VietGAP'], ['hữu cơ', 'organic'], ['vàng', 'yellow']],
  },
  'Water spinach': {
    sizes: [],
    variants: [['nước', 'river'], ['cạn', 'upland'], ['hạt', 'seedling'], ['Đà Lạt', 'Da Lat'], ['VietGAP', 'VietGAP'], ['thủy canh', 'hydroponic'], ['hữu cơ', 'organic'], ['loại 1', 'grade 1']],
  },
  'Pork belly': {
    sizes: [],
    variants: [['rút sườn', 'boneless'], ['có da', 'skin-on'], ['heo đen', 'black pig'], ['heo rừng lai', 'wild boar cross'], ['mát', 'chilled'], ['cuộn', 'rolled'], ['loại 1', 'grade 1'], ['VietGAP', 'VietGAP']],
  },
  'Beef tenderloin': {
    sizes: [],
    variants: [['Úc', 'Australian'], ['Mỹ', 'US'], ['Việt', 'Vietnamese'], ['Wagyu', 'Wagyu'], ['mát', 'chilled'], ['cắt steak', 'steak-cut'], ['loại 1', 'grade 1'], ['ăn cỏ', 'grass-fed']],
  },
  'Salmon fillet': {
    sizes: [],
    variants: [['Na Uy', 'Norwegian'], ['Sa Pa', 'Sa Pa'], ['Chile', 'Chilean'], ['bỏ da', 'skinless'], ['có da', 'skin-on'], ['mát', 'chilled'], ['phần lưng', 'loin'], ['phần bụng', 'belly']],
  },
  'Tiger prawns': {
    sizes: [],
    variants: [['Cà Mau', 'Ca Mau'], ['sống', 'live'], ['đông lạnh', 'frozen'], ['size 20', 'size 20'], ['size 30', 'size 30'], ['nuôi sinh thái', 'eco-farmed'], ['bóc vỏ', 'peeled'], ['loại 1', 'grade 1']],
  },
};
