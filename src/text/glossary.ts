/**
 * English → Vietnamese domain glossary, so English questions work offline.
 * With an LLM configured, translation is the model's job (prompts/translate-query.md).
 */
const PHRASES: Array<[string, string]> = [
  ['how long', 'bao lâu|không quá'],
  ['how many', 'bao nhiêu|số lượng'],
  ['how much', 'bao nhiêu'],
  ['what percentage', 'tỷ lệ|bao nhiêu phần trăm'],
  ['at least', 'ít nhất|tối thiểu'],
  ['at most', 'tối đa|không quá'],
  ['no more than', 'không quá'],
  ['not exceed', 'không quá'],
  ['opening speech', 'phát biểu khai mạc'],
  ['opening remarks', 'phát biểu khai mạc'],
  ['closing speech', 'phát biểu kết luận'],
  ['closing remarks', 'phát biểu kết luận'],
  ['four steadfasts', 'bốn kiên định'],
  ['steadfast', 'kiên định'],
  ['political and ideological work', 'công tác chính trị, tư tưởng'],
  ['final remarks', 'phát biểu kết luận'],
  ['concluding remarks', 'phát biểu kết luận'],
  ['conclusion speech', 'phát biểu kết luận'],
  ['standing committee', 'ban thường vụ'],
  ['provincial party committee', 'tỉnh ủy'],
  ['party committee', 'đảng ủy|cấp ủy'],
  ['propaganda department', 'ban tuyên giáo'],
  ['mass mobilization', 'dân vận'],
  ['social media', 'mạng xã hội'],
  ['social networks', 'mạng xã hội'],
  ['fatherland front', 'mặt trận tổ quốc'],
  ['working style', 'lề lối làm việc'],
  ['work style', 'lề lối làm việc'],
  ['administrative documents', 'văn bản hành chính'],
  ['administrative procedures', 'thủ tục hành chính'],
  ['digital transformation', 'chuyển đổi số'],
  ['information technology', 'công nghệ thông tin'],
  ['artificial intelligence', 'trí tuệ nhân tạo'],
  ['in person', 'trực tiếp'],
  ['face to face', 'trực tiếp'],
  ['party members', 'đảng viên'],
  ['party member', 'đảng viên'],
  ['press award', 'giải báo chí'],
  ['golden hammer and sickle', 'búa liềm vàng'],
  ['central committee', 'ban chấp hành trung ương'],
  ['central inspection commission', 'ủy ban kiểm tra trung ương'],
  ['inspection commission', 'ủy ban kiểm tra'],
  ['centrally governed', 'trực thuộc trung ương'],
  ['centrally-governed', 'trực thuộc trung ương'],
  ['province-wide', 'toàn tỉnh'],
  ['commune-wide', 'toàn xã'],
  ['second plenum', 'hội nghị lần thứ hai'],
  ['peak period', 'cao điểm'],
  ['false information', 'thông tin sai trái|tin giả'],
  ['fake news', 'tin giả'],
  ['party building', 'xây dựng đảng'],
  ['political system', 'hệ thống chính trị'],
  ['professional conference', 'hội nghị chuyên môn'],
  ['double digit', 'hai con số'],
  ['two level', '2 cấp|hai cấp'],
  ['two tier', '2 cấp|hai cấp'],
  ['core principles', 'nguyên tắc cốt lõi'],
  ['information and communications', 'thông tin và truyền thông'],
  ['culture, sports and tourism', 'văn hóa, thể thao và du lịch'],
  ['culture sports and tourism', 'văn hóa thể thao và du lịch'],
  ['department of', 'sở'],
  ['people\'s committee', 'ủy ban nhân dân'],
  ['people\'s council', 'hội đồng nhân dân'],
  ['organisation commission', 'ban tổ chức'],
  ['organization commission', 'ban tổ chức'],
  ['organization board', 'ban tổ chức'],
  ['party secretary', 'bí thư'],
  ['secretariat', 'ban bí thư'],
  ['politburo', 'bộ chính trị'],
  ['national assembly', 'quốc hội'],
  ['radio and television', 'phát thanh, truyền hình'],
  ['public service', 'công vụ'],
  ['civil servants', 'công chức'],
  ['public employees', 'viên chức'],
  ['grassroots', 'cơ sở'],
  ['report back', 'báo cáo'],
  ['responsible for', 'trách nhiệm|phụ trách'],
  ['in charge of', 'chủ trì|phụ trách'],
  ['asked to', 'đề nghị'],
  ['set an example', 'nêu gương'],
  ['lead by example', 'nêu gương'],
  ['self-criticism', 'tự phê bình'],
  ['criticism and self criticism', 'phê bình và tự phê bình'],
  ['term of office', 'nhiệm kỳ'],
  ['party congress', 'đại hội đảng'],
  ['national defence', 'quốc phòng'],
  ['national defense', 'quốc phòng'],
  ['public investment', 'đầu tư công'],
  ['socio-economic', 'kinh tế - xã hội'],
  ['socio economic', 'kinh tế - xã hội'],
  ['anti corruption', 'phòng, chống tham nhũng'],
  ['measure of success', 'thước đo'],
  ['specialised conference', 'hội nghị chuyên môn'],
  ['specialized conference', 'hội nghị chuyên môn'],
  ['who signed', 'ai ký'],
  ['signed by', 'ai ký'],
  ['first quarter', 'quý 1|quý i'],
  ['deadline', 'thời gian hoàn thành|khi nào'],
  ['when', 'khi nào|thời gian'],
  ['who', 'ai|cơ quan nào chủ trì'],
  ['which agency', 'cơ quan nào'],
  ['which body', 'cơ quan nào'],
  ['which', 'nào'],
  ['what', 'gì'],
];

/** The phrases as patterns, compiled once ("province-wide" matches "province wide": hyphens are split first). */
const PHRASE_PATTERNS: Array<[RegExp, string]> = PHRASES.map(([phrase, vi]) => [new RegExp(`\\s${phrase.replace(/-/g, ' ').replace(/ /g, '\\s+')}\\s`, 'g'), vi]);

const WORDS: Record<string, string> = {
  conference: 'hội nghị', conferences: 'hội nghị', meeting: 'hội nghị|cuộc họp', meetings: 'hội nghị|cuộc họp',
  conclusion: 'kết luận', concluding: 'kết luận', speech: 'phát biểu', speeches: 'phát biểu', speak: 'phát biểu',
  opening: 'khai mạc', minutes: 'phút', minute: 'phút', hours: 'giờ', day: 'ngày', days: 'ngày', half: '1/2|nửa',
  online: 'trực tuyến', virtual: 'trực tuyến', offline: 'trực tiếp', presentation: 'tham luận', presentations: 'tham luận',
  contribution: 'tham luận', discussion: 'thảo luận', plan: 'kế hoạch', guidance: 'hướng dẫn', guideline: 'hướng dẫn',
  instruction: 'hướng dẫn', directive: 'chỉ thị', resolution: 'nghị quyết', regulation: 'quy định', documents: 'văn bản',
  document: 'văn bản', percent: 'phần trăm|%', percentage: 'tỷ lệ|phần trăm', ratio: 'tỷ lệ', rate: 'tỷ lệ',
  reduce: 'cắt giảm|giảm', reduced: 'cắt giảm', cut: 'cắt giảm', year: 'năm', annually: 'hằng năm', yearly: 'hằng năm',
  province: 'tỉnh', provincial: 'tỉnh', commune: 'xã', communes: 'xã', district: 'huyện', ward: 'phường',
  propaganda: 'tuyên truyền', propagate: 'tuyên truyền', dissemination: 'phổ biến|tuyên truyền', study: 'nghiên cứu|quán triệt',
  briefing: 'quán triệt', thoroughly: 'quán triệt', implement: 'triển khai thực hiện', implementation: 'triển khai thực hiện',
  complete: 'hoàn thành', completed: 'hoàn thành', finish: 'hoàn thành', police: 'công an', press: 'báo chí',
  newspapers: 'báo chí', journalists: 'phóng viên|báo chí', forms: 'hình thức', form: 'hình thức', methods: 'hình thức',
  cadres: 'cán bộ', cadre: 'cán bộ', officials: 'cán bộ|công chức', civil: 'công chức', servants: 'công chức',
  responsibility: 'trách nhiệm', responsible: 'trách nhiệm|chủ trì', coordinate: 'phối hợp', coordinates: 'phối hợp',
  lead: 'chủ trì', leads: 'chủ trì', inspection: 'kiểm tra', supervision: 'giám sát', discipline: 'kỷ luật|kỷ cương',
  purpose: 'mục đích', requirements: 'yêu cầu', requirement: 'yêu cầu', tasks: 'nhiệm vụ', solutions: 'giải pháp',
  targets: 'chỉ tiêu', target: 'chỉ tiêu', frequency: 'tần suất', duration: '|thời lượng', participants: 'thành phần',
  invite: 'mời', delegates: 'đại biểu', motto: 'phương châm', principle: 'nguyên tắc', principles: 'nguyên tắc',
  growth: 'tăng trưởng', economic: 'kinh tế', award: 'giải', prize: 'giải', loudspeakers: 'loa phát thanh',
  radio: 'phát thanh', television: 'truyền hình', videos: 'video', video: 'video', leaflets: 'tờ rơi',
  report: 'báo cáo', reporting: 'báo cáo', reports: 'báo cáo', quarter: 'quý', quarterly: 'hằng quý', months: 'tháng',
  disinformation: 'thông tin xuyên tạc|sai trái', distorted: 'xuyên tạc', cyberspace: 'không gian mạng', internet: 'internet',
  handle: 'xử lý', process: 'xử lý', records: 'hồ sơ', digitized: 'số hóa', digital: 'số', anniversary: 'kỷ niệm',
  emulation: 'thi đua', movement: 'phong trào', local: 'địa phương', government: 'chính quyền', party: 'đảng',
  limit: 'không quá|tối đa', maximum: 'tối đa|không quá', minimum: 'tối thiểu|ít nhất', least: 'ít nhất', most: 'tối đa',
  length: '|thời lượng|không quá', professional: 'chuyên môn', specialised: 'chuyên môn', specialized: 'chuyên môn',
  peak: 'cao điểm', period: 'thời gian', disseminating: 'phổ biến|tuyên truyền', disseminate: 'phổ biến|tuyên truyền',
  elected: 'bầu|bầu bổ sung', elect: 'bầu', central: 'trung ương', commission: 'ủy ban', plenum: 'hội nghị', second: 'lần thứ hai',
  '14th': 'khóa xiv', city: 'thành phố', establish: 'thành lập', established: 'thành lập', agree: 'đồng ý', agreed: 'đồng ý',
  formats: 'hình thức', format: 'hình thức', suggest: '|đề ra', suggests: '|đề ra', steadfasts: 'kiên định', ideological: 'tư tưởng', political: 'chính trị',
  max: 'tối đa|không quá', min: 'tối thiểu|ít nhất', remarks: 'phát biểu', talk: 'phát biểu', fighting: 'phòng chống|đấu tranh',
  fight: 'phòng chống|đấu tranh', against: 'chống', prevention: 'phòng ngừa', exceptions: 'ngoại lệ', exception: 'ngoại lệ',
  allowed: 'được phép', permitted: 'được phép', forbidden: 'không được|cấm', prohibited: 'nghiêm cấm', banned: 'cấm',
  read: 'đọc', reading: 'đọc', materials: 'tài liệu', signer: 'ký', sign: 'ký', issuer: 'ban hành', issuing: 'ban hành',
  village: 'thôn bản', schedule: 'thời gian', times: 'lần', often: 'định kỳ', send: 'gửi', sent: 'gửi',
  base: 'căn cứ', basis: 'căn cứ', based: 'căn cứ',
  one: '1|một', two: '2|hai', three: '3|ba', four: '4|bốn', five: '5|năm', six: '6|sáu', seven: '7|bảy', eight: '8|tám',
  nine: '9|chín', ten: '10|mười', first: 'thứ nhất|đầu tiên', third: 'lần thứ ba', core: 'cốt lõi', key: 'trọng tâm|then chốt',
  department: 'sở', departments: 'sở', communications: 'truyền thông', communication: 'truyền thông', culture: 'văn hóa',
  sports: 'thể thao', tourism: 'du lịch', asked: 'đề nghị', requested: 'đề nghị', request: 'đề nghị', proposed: 'đề nghị|đề xuất',
  digitally: 'số|trực tuyến', digitalization: 'số hóa', electronic: 'điện tử', portal: 'cổng thông tin', website: 'trang thông tin|website',
  yardstick: 'thước đo', measure: 'thước đo', success: 'thành công', level: 'cấp', levels: 'cấp', tier: 'cấp', model: 'mô hình',
  satisfaction: 'hài lòng', citizens: 'người dân|nhân dân', businesses: 'doanh nghiệp', enterprises: 'doanh nghiệp',
  rules: 'quy định', rule: 'quy định', duty: 'nhiệm vụ', duties: 'nhiệm vụ', task: 'nhiệm vụ',
  role: 'vai trò', roles: 'vai trò', wards: 'phường', procedures: 'thủ tục', procedure: 'thủ tục',
  administrative: 'hành chính', reform: 'cải cách', reforms: 'cải cách', simplify: 'đơn giản', streamline: 'tinh gọn',
  apparatus: 'bộ máy', organisation: 'tổ chức', organization: 'tổ chức', agencies: 'cơ quan', agency: 'cơ quan',
  units: 'đơn vị', unit: 'đơn vị', localities: 'địa phương', locality: 'địa phương', nationwide: 'toàn quốc', national: 'quốc gia|toàn quốc',
  objectives: 'mục tiêu', objective: 'mục tiêu', goal: 'mục tiêu', goals: 'mục tiêu', aim: 'mục đích', aims: 'mục đích',
  content: 'nội dung', contents: 'nội dung', topics: 'nội dung|chủ đề', topic: 'chủ đề', theme: 'chủ đề', themes: 'chủ đề',
  results: 'kết quả', result: 'kết quả', achievements: 'thành tựu|kết quả', outcome: 'kết quả', outcomes: 'kết quả',
  spirit: 'tinh thần', emphasize: 'nhấn mạnh', emphasise: 'nhấn mạnh', stress: 'nhấn mạnh', stresses: 'nhấn mạnh',
  mobilize: 'vận động|huy động', mobilise: 'vận động|huy động', encourage: 'khuyến khích|động viên', praise: 'biểu dương',
  models: 'mô hình', examples: 'gương|điển hình', typical: 'tiêu biểu|điển hình', outstanding: 'tiêu biểu',
  monitor: 'theo dõi', monitoring: 'theo dõi|giám sát', urge: 'đôn đốc', guide: 'hướng dẫn', guides: 'hướng dẫn',
  summary: 'sơ kết|tổng kết', review: 'sơ kết|đánh giá', evaluate: 'đánh giá', evaluation: 'đánh giá', assess: 'đánh giá',
  journalism: 'báo chí', reporters: 'phóng viên', editors: 'biên tập viên', articles: 'tin bài|bài viết', news: 'tin',
  speakers: 'báo cáo viên', lecturers: 'báo cáo viên', opinion: 'dư luận', opinions: 'dư luận|ý kiến', public: 'xã hội|công',
  social: 'xã hội', society: 'xã hội', networks: 'mạng', network: 'mạng', cyber: 'không gian mạng',
  hostile: 'thù địch', forces: 'thế lực', wrong: 'sai trái', views: 'quan điểm', refute: 'phản bác|đấu tranh',
  protect: 'bảo vệ', ideology: 'tư tưởng', foundation: 'nền tảng', thought: 'tư tưởng', resolutions: 'nghị quyết',
  conclusions: 'kết luận', plans: 'kế hoạch', programme: 'chương trình', program: 'chương trình', programs: 'chương trình',
  deputies: 'đại biểu', election: 'bầu cử', elections: 'bầu cử', term: 'nhiệm kỳ|khóa', tenure: 'nhiệm kỳ',
  investment: 'đầu tư', finance: 'tài chính', financial: 'tài chính', debt: 'nợ', budget: 'ngân sách', 
  sustainable: 'bền vững', quality: 'chất lượng', speed: 'tốc độ', productivity: 'năng suất', competitiveness: 'cạnh tranh',
  stability: 'ổn định', inflation: 'lạm phát', macroeconomic: 'kinh tế vĩ mô', strategy: 'chiến lược', strategic: 'chiến lược',
  execution: 'thực thi', decentralization: 'phân quyền|phân cấp', decentralisation: 'phân quyền|phân cấp', resources: 'nguồn lực',
  oversight: 'giám sát', supervise: 'giám sát', inspect: 'kiểm tra', punish: 'xử lý|kỷ luật', violations: 'vi phạm', violation: 'vi phạm',
  strictly: 'nghiêm', strict: 'nghiêm', waste: 'lãng phí', negative: 'tiêu cực', phenomena: 'biểu hiện', manifestations: 'biểu hiện',
  degradation: 'suy thoái', morality: 'đạo đức', ethics: 'đạo đức', lifestyle: 'lối sống', personnel: 'cán bộ|nhân sự',
  training: 'bồi dưỡng|đào tạo', studying: 'học tập', follow: 'làm theo', ideas: 'tư tưởng', style: 'phong cách', uncle: 'bác',
  ho: 'hồ', chi: 'chí', minh: 'minh', bulletin: 'bản tin', bulletins: 'bản tin', loudspeaker: 'loa', 
  mobile: 'lưu động', teams: 'đội', team: 'đội', cultural: 'văn hóa', arts: 'văn nghệ', performances: 'văn nghệ', contest: 'cuộc thi|thi',
  contests: 'cuộc thi|thi', competition: 'cuộc thi|thi', quiz: 'thi tìm hiểu', forum: 'diễn đàn|tọa đàn', seminars: 'tọa đàm|hội thảo',
  seminar: 'tọa đàm|hội thảo', workshops: 'hội thảo', workshop: 'hội thảo', leaflet: 'tờ rơi', posters: 'pano|áp phích',
  banners: 'băng rôn|khẩu hiệu', slogans: 'khẩu hiệu', podcasts: 'podcast', podcast: 'podcast', short: 'ngắn', clips: 'video',
  secretary: 'bí thư', chairman: 'chủ tịch', chairwoman: 'chủ tịch', chair: 'chủ tịch|chủ trì', president: 'chủ tịch nước',
  vice: 'phó', deputy: 'phó', head: 'người đứng đầu|trưởng', director: 'giám đốc', office: 'văn phòng', inspectorate: 'thanh tra',
  home: 'nội vụ', affairs: 'vụ', interior: 'nội vụ', military: 'quân sự', army: 'quân đội', veterans: 'cựu chiến binh',
  districts: 'huyện', villages: 'thôn bản', hamlets: 'thôn bản|tổ dân phố',
  years: 'năm', month: 'tháng', week: 'tuần', weeks: 'tuần', daily: 'hằng ngày', regularly: 'thường xuyên',
  periodic: 'định kỳ', periodically: 'định kỳ', regular: 'định kỳ|thường xuyên', timely: 'kịp thời', promptly: 'kịp thời',
  before: 'trước', after: 'sau', until: 'đến', by: '', within: 'trong', during: 'trong', since: 'từ',
  increase: 'tăng|tăng cường', strengthen: 'tăng cường', improve: 'nâng cao',
  ensure: 'bảo đảm', guarantee: 'bảo đảm', require: 'yêu cầu', requires: 'yêu cầu', required: 'yêu cầu|phải',
  assigned: 'giao|phân công', assign: 'giao|phân công', assignment: 'phân công', division: 'phân công', person: 'người',
  coordinating: 'phối hợp', cooperation: 'phối hợp', cooperate: 'phối hợp', collaborate: 'phối hợp', advise: 'tham mưu',
  advises: 'tham mưu', advising: 'tham mưu', propose: 'đề xuất', proposals: 'đề xuất|kiến nghị', recommend: 'kiến nghị',
  difficulties: 'khó khăn', obstacles: 'vướng mắc', problems: 'vấn đề', issues: 'vấn đề', sensitive: 'nhạy cảm', complex: 'phức tạp',
  emerging: 'mới nảy sinh|phát sinh', arise: 'phát sinh', publish: 'đăng tải|đăng', published: 'đăng tải', posting: 'đăng tải',
  approval: 'xin ý kiến|cho phép', consult: 'xin ý kiến', permission: 'xin ý kiến|cho phép',
  use: 'sử dụng', uses: 'sử dụng', building: 'xây dựng', replace: 'thay thế', replaces: 'thay thế', new: 'mới',
  processed: 'xử lý', digitised: 'số hóa', people: 'người', spreading: 'phát tán', false: 'sai trái',
  information: 'thông tin', handles: 'xử lý', share: 'tỷ lệ|chiếm', regulations: 'quy định',
  signed: 'ký', issued: 'ban hành', issue: 'ban hành', date: 'ngày', committee: 'ủy ban', 
  salary: 'lương', monthly: 'hằng tháng', weekly: 'hằng tuần', channels: 'kênh', channel: 'kênh',
  youth: 'thanh niên', women: 'phụ nữ', 
  farmers: 'nông dân', union: 'đoàn', association: 'hội', corruption: 'tham nhũng', negativity: 'tiêu cực',
  defence: 'quốc phòng', defense: 'quốc phòng', security: 'an ninh', economy: 'kinh tế', example: 'nêu gương', exemplary: 'nêu gương',
  heads: 'người đứng đầu', leaders: 'lãnh đạo', leadership: 'lãnh đạo', direction: 'chỉ đạo',
  last: '|kéo dài', lasts: '|kéo dài', held: 'tổ chức', hold: 'tổ chức', organize: 'tổ chức', organise: 'tổ chức', scale: 'quy mô', wide: 'toàn',
};

const STOPWORDS = new Set(
  'a an the is are was were be can could should must may might do does did of for to in on at by with and or about from per each every it its this that these those there their they i we you he she how what which who when where why long many much be been being into as than not no any under have has had will shall what\'s s one also only just ever here both some other such own same so too very then now get gets got take takes taken make makes made need needs say says said tell told give given go goes come comes keep kept put'.split(' '),
);

/** True when a question reads as English rather than (possibly accentless) Vietnamese. */
/** Words accentless Vietnamese never uses on their own ("to", "do", "an", "can", "may" are Vietnamese too). */
const ENGLISH_MARKERS = new Set('the is are was were what which who whom whose does did how when where why of must should would could about under with from each every many much this that these those there their they been being into than'.split(' '));

export function looksEnglish(question: string): boolean {
  // Document numbers ("85-QĐ/TW") are written the Vietnamese way in English questions too.
  if (/[^\x00-\x7f]/.test(question.replace(/[“”‘’–—…]/g, '').replace(/\S*\d\S*/g, ''))) return false;
  const words = question.toLowerCase().match(/[a-z]+/g) ?? [];
  if (!words.length) return false;
  if (words.filter((w) => ENGLISH_MARKERS.has(w)).length >= 2) return true;
  const known = words.filter((w) => STOPWORDS.has(w) || w in WORDS).length;
  return known / words.length >= 0.5;
}

/**
 * Word-by-word translation into Vietnamese search terms (not prose).
 *
 * @example translateToVietnamese('How long can a conclusion speech be?') // 'bao lâu … kết luận phát biểu'
 */
export function translateToVietnamese(question: string, options: { primary?: boolean } = {}): string {
  // Entries list alternatives after "|": all of them to search with, only the first as what the answer must say.
  const pick = (vi: string) => (options.primary ? vi.split('|')[0]! : vi.replace(/\|/g, ' '));
  // Document numbers ("85-QĐ/TW") are kept as written: they are the strongest key a question has.
  const refs = question.match(/\d{1,4}\s*-\s*\p{L}{1,5}\s*\/\s*\p{L}{1,10}/gu) ?? [];
  // "party-building", "long-term": hyphenated words are translated word by word.
  let text = ` ${question.replace(/\d{1,4}\s*-\s*\p{L}{1,5}\s*\/\s*\p{L}{1,10}/gu, ' ').toLowerCase().replace(/([a-z])-(?=[a-z])/g, '$1 ').replace(/[^a-z0-9%/.,\s-]/g, ' ')} `;
  // Vietnamese place names written without diacritics ("Son La", "Dien Bien", "Tam Duong") are kept whole:
  // two or more capitalised words the glossary does not know ("La" would otherwise drop as too short).
  const names = [...question.matchAll(/(?<=\s|^)([A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)(?='s\b|\b)/g)]
    .map((m) => m[1]!)
    .filter((name) => name.split(/\s+/).every((w) => !WORDS[w.toLowerCase()] && !STOPWORDS.has(w.toLowerCase())));
  for (const name of names) text = text.replace(` ${name.toLowerCase()}`, ' ');
  const out: string[] = [...refs, ...names.map((n) => n.toLowerCase())];
  for (const [pattern, vi] of PHRASE_PATTERNS) {
    pattern.lastIndex = 0;
    if (pattern.test(text)) {
      out.push(pick(vi));
      text = text.replace(pattern, ' ');
    }
  }
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const clean = word.replace(/[.,]+$/, '');
    // Plurals of the words the glossary has ("contributions", "delegates").
    const singular = clean.endsWith('s') && WORDS[clean.slice(0, -1)] ? clean.slice(0, -1) : clean;
    if (WORDS[singular]) out.push(pick(WORDS[singular]!));
    else if (!STOPWORDS.has(clean) && /\d|[a-z]{3,}/.test(clean)) out.push(clean);
  }
  return out.join(' ');
}
