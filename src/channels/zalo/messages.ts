/** What the Zalo channels say besides answers (Vietnamese, plain text). */
export const GREETING =
  'Xin chào! Tôi là trợ lý tra cứu văn bản của Đảng và Nhà nước. Hãy gửi câu hỏi bằng tin nhắn chữ, ví dụ: “Phát biểu kết luận hội nghị không quá bao nhiêu phút?” Tôi sẽ trả lời kèm trích dẫn văn bản, số hiệu và mục cụ thể.';
export const UNSUPPORTED =
  'Hiện tôi chỉ đọc được tin nhắn chữ. Bạn vui lòng gõ câu hỏi bằng chữ, ví dụ: “Phát biểu kết luận hội nghị không quá bao nhiêu phút?”';
export const FAILURE = 'Xin lỗi, hệ thống đang gặp sự cố nên chưa trả lời được câu hỏi này. Bạn vui lòng thử lại sau ít phút.';
/** Longest question passed to the assistant (the /api/ask limit). */
export const MAX_QUESTION_CHARS = 2000;
