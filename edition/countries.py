"""The countries the data names by ISO 3166-1 code (``data/brics_membership.csv``), as the edition
writes them in its tables and figures."""

NAMES = {
    "BR": "Brazil", "RU": "Russia", "IN": "India", "CN": "China", "ZA": "South Africa", "AR": "Argentina",
    "EG": "Egypt", "ET": "Ethiopia", "IR": "Iran", "AE": "UAE", "SA": "Saudi Arabia", "ID": "Indonesia",
    "BY": "Belarus", "BO": "Bolivia", "CU": "Cuba", "KZ": "Kazakhstan", "MY": "Malaysia", "TH": "Thailand",
    "UG": "Uganda", "UZ": "Uzbekistan", "NG": "Nigeria", "VN": "Vietnam", "DZ": "Algeria", "TR": "Turkey",
}
