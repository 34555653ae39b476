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

}  // namespace warta::dedupe::testdata
