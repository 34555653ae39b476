// Invented articles for the dedupe unit tests (no corpus text).
#pragma once

#include <string>
#include <vector>

#include "core/article.h"
#include "core/datetime.h"

namespace warta::dedupe::testdata {

inline Article Make(std::string title, std::vector<std::string> paragraphs, const char* date) {
  Article a;
  a.title = std::move(title);
  a.paragraphs = std::move(paragraphs);
  if (date != nullptr) a.published = DateTime::ParseIso(date);
  return a;
}

// A flood in Bekasi: eight paragraphs, enough shingles to sign.
inline Article Flood(const char* date = "2024-03-04") {
  return Make("Banjir Rendam Ratusan Rumah di Bekasi",
              {"Banjir setinggi satu meter merendam ratusan rumah warga di Kecamatan Bekasi Timur pada Senin pagi "
               "setelah hujan deras mengguyur sejak Minggu malam.",
               "Kepala Badan Penanggulangan Bencana Daerah Kota Bekasi mengatakan sedikitnya 420 rumah terdampak "
               "dan 130 warga mengungsi ke masjid serta balai warga terdekat.",
               "Petugas gabungan dari kepolisian, tentara dan relawan mengevakuasi warga lanjut usia dan anak-anak "
               "menggunakan perahu karet sejak pukul enam pagi.",
               "Menurut warga, air mulai naik sekitar pukul tiga dini hari ketika tanggul Kali Bekasi meluap "
               "karena debit air kiriman dari Bogor meningkat tajam.",
               "Pemerintah kota mendirikan dapur umum dan posko kesehatan di tiga titik pengungsian untuk melayani "
               "kebutuhan makan dan obat-obatan para pengungsi.",
               "Wali kota meminta warga di bantaran sungai tetap waspada karena hujan dengan intensitas tinggi "
               "diperkirakan masih turun hingga akhir pekan ini.",
               "Dinas Perhubungan mengalihkan arus lalu lintas di Jalan Ir Juanda yang tergenang setinggi lutut "
               "orang dewasa sehingga kemacetan panjang terjadi hingga siang.",
               "Hingga Senin sore belum ada laporan korban jiwa, namun kerugian materi ditaksir mencapai miliaran "
               "rupiah menurut perhitungan sementara petugas."},
              date);
}

// A football match: unrelated to the flood.
inline Article Football(const char* date = "2024-03-04") {
  return Make("Persija Tundukkan Persib di Stadion Utama",
              {"Persija Jakarta mengalahkan Persib Bandung dengan skor dua gol tanpa balas dalam lanjutan Liga 1 "
               "yang berlangsung di Stadion Utama Gelora Bung Karno pada Minggu malam.",
               "Gol pertama dicetak penyerang asal Brasil pada menit ke-23 memanfaatkan umpan silang dari sisi "
               "kanan pertahanan lawan yang lengah.",
               "Pelatih Persija memuji disiplin para pemainnya yang mampu menahan tekanan sepanjang babak kedua "
               "meski kalah dalam penguasaan bola.",
               "Kemenangan ini membawa Persija naik ke peringkat ketiga klasemen sementara dengan koleksi empat "
               "puluh satu poin dari dua puluh laga.",
               "Sebanyak enam puluh ribu suporter memadati stadion dan pertandingan berjalan tertib berkat "
               "pengamanan ketat aparat kepolisian."},
              date);
}

// A daily report made from one template, as price sites publish every day:
// the same sentences, that day's date, weekday and prices. Day 0 is Monday
// 6 January 2025; `day` moves the date and every price.
inline Article GoldPrice(int day) {
  static const char* const kWeekdays[] = {"Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"};
  const int price = 1'500'000 + day * 7'000 - (day % 3) * 11'000;
  auto rp = [](int v) {  // 1.507.000
    std::string digits = std::to_string(v), out;
    for (size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
      out += digits[i];
    }
    return out;
  };
  const std::string date = std::to_string(6 + day) + "/1/2025";
  std::string iso = "2025-01-" + std::string(6 + day < 10 ? "0" : "") + std::to_string(6 + day) + "T08:00:00+07:00";
  return Make("Harga Emas Antam Hari Ini " + std::string(kWeekdays[day % 7]) + " " + date,
              {"Harga emas batangan produksi PT Aneka Tambang (Antam) hari ini, " + std::string(kWeekdays[day % 7]) +
                   " (" + date + "), berada di level Rp " + rp(price) + " per gram dibandingkan harga kemarin.",
               "Mengutip laman resmi Logam Mulia, harga pembelian kembali atau buyback emas Antam hari ini berada di "
               "level Rp " + rp(price - 140'000) + " per gram.",
               "Berikut rincian harga emas Antam hari ini untuk setiap ukuran: emas 0,5 gram dijual Rp " +
                   rp(price / 2 + 50'000) + ", emas 2 gram Rp " + rp(price * 2 - 20'000) + ", emas 5 gram Rp " +
                   rp(price * 5 - 60'000) + ", dan emas 10 gram Rp " + rp(price * 10 - 100'000) + ".",
               "Harga tersebut sudah termasuk pajak penghasilan sesuai dengan peraturan menteri keuangan yang "
               "berlaku bagi pembeli yang menyertakan nomor pokok wajib pajak saat bertransaksi di butik.",
               "Pembeli yang tidak menyertakan nomor pokok wajib pajak dikenakan potongan pajak yang lebih tinggi "
               "sesuai ketentuan yang berlaku di seluruh butik emas yang melayani penjualan langsung.",
               "Emas batangan masih menjadi pilihan investasi yang diminati masyarakat karena nilainya relatif "
               "stabil dan mudah dijual kembali ketika pemiliknya membutuhkan dana tunai.",
               "Pembelian emas dapat dilakukan secara langsung di butik maupun melalui layanan daring yang "
               "disediakan oleh perusahaan dengan pengiriman ke alamat pembeli."},
              iso.c_str());
}

}  // namespace warta::dedupe::testdata
